// The task pane as a Static Web App (Standard: linked backends need it), with the Function App
// linked as its backend, so the pane calls /api on its own origin (SAMLAD_API_BASE=/api).
param name string
param location string
param tags object
param functionAppId string
param functionAppLocation string

resource site 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'pane' })
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {}
}

resource backend 'Microsoft.Web/staticSites/linkedBackends@2024-04-01' = {
  parent: site
  name: 'api'
  properties: {
    backendResourceId: functionAppId
    region: functionAppLocation
  }
}

output name string = site.name
output defaultHostname string = site.properties.defaultHostname
