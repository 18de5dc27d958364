// Samlad on Azure, in the azd layout: `azd provision` deploys this file at subscription scope
// (parameters from main.parameters.json, filled from the azd environment).
//
// What it makes, in one resource group:
// - a Storage account with shared-key access disabled: Samlad's tables, blobs and job queue,
//   the Functions host's own storage, and the deployment package's container;
// - the Function App on Flex Consumption (Linux, Node 20) with a system-assigned identity that
//   holds the Blob, Queue and Table data roles on that account and nothing else there;
// - Log Analytics and Application Insights (Entra authentication only), fed by the Functions
//   host's own integration;
// - the task pane as a Static Web App with the Function App linked as its /api backend.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names and tags every resource.')
param environmentName string

@minLength(1)
@description('Region of the Function App, its storage and monitoring (one that offers Flex Consumption).')
param location string

@description('Region of the Static Web App (a region that offers Static Web Apps).')
param staticWebAppLocation string = 'westeurope'

@description('The API app registration\'s client id (scripts/entra/register.sh prints it): the audience of its v2 tokens.')
param apiClientId string

@description('Most instances the Function App scales out to; SECURITY.md bounds the write rate by it.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Writes a minute one caller may make on one instance (0 = no limit).')
param rateLimitPerPrincipal int = 120

@description('Writes a minute one client address may make on one instance (0 = no limit).')
param rateLimitPerAddress int = 1200

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-samlad-${environmentName}'
  location: location
  tags: tags
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'stsamlad${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package'
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-samlad-${resourceToken}'
    applicationInsightsName: 'appi-samlad-${resourceToken}'
    location: location
    tags: tags
  }
}

module api 'app/function-app.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: 'func-samlad-${resourceToken}'
    planName: 'plan-samlad-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    tenantId: tenant().tenantId
    apiClientId: apiClientId
    maximumInstanceCount: maximumInstanceCount
    rateLimitPerPrincipal: rateLimitPerPrincipal
    rateLimitPerAddress: rateLimitPerAddress
  }
}

module roles 'app/roles.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    principalId: api.outputs.principalId
  }
}

module pane 'app/static-web-app.bicep' = {
  name: 'pane'
  scope: rg
  params: {
    name: 'stapp-samlad-${resourceToken}'
    location: staticWebAppLocation
    tags: tags
    functionAppId: api.outputs.id
    functionAppLocation: location
  }
}

// azd stores these in the environment; the pane's production build reads them (README, Deployment).
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output STATIC_WEB_APP_NAME string = pane.outputs.name
output SAMLAD_ADDIN_BASE_URL string = 'https://${pane.outputs.defaultHostname}'
