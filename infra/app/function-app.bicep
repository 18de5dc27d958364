// The Function App on Flex Consumption: Linux, Node 20, a system-assigned identity, and the
// application settings the code reads — exactly those in functions/config.ts's
// `appSettings.deployed`, plus the two the Functions host reads for Application Insights
// (tests/infra/settings-drift.test.ts holds the two lists together).
param name string
param planName string
param location string
param tags object
param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
param tenantId string
param apiClientId string
param maximumInstanceCount int
param rateLimitPerPrincipal int
param rateLimitPerAddress int

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

var appSettings = {
  // Read by the Functions host (telemetry, with the app's identity: no key in a setting).
  APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
  // Read by the host: bodies over 6 MiB (the largest upload Samlad takes, with a margin) are
  // refused before they are buffered (LIMITS.requestBytes in functions/api/read-body.ts).
  FUNCTIONS_REQUEST_BODY_SIZE_LIMIT: '6291456'
  // Read by the host for its own storage and by Samlad for its tables, blobs and job queue.
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  AzureWebJobsStorage__credential: 'managedidentity'
  // Read by Samlad (functions/config.ts).
  SAMLAD_ENV: 'production'
  AUTH_MODE: 'entra'
  ENTRA_TENANT_ID: tenantId
  // v2 access tokens (the registration asks for them) carry the API's client id as `aud`.
  ENTRA_AUDIENCE: apiClientId
  // The longest a token may live, issue to expiry (Entra's live 60–90 minutes).
  AUTH_MAX_TOKEN_LIFETIME_MINUTES: '1440'
  TERTIAL_SUMMARY_SCHEDULE: '0 0 6 * * *'
  TERTIAL_DEADLINE_DAYS: '15'
  TERTIAL_SUMMARY_LOOKBACK_YEARS: '1'
  CONSOLIDATE_SYNC_MS: '8000'
  JOB_WAIT_ALERT_SECONDS: '300'
  RATE_LIMIT_PER_PRINCIPAL: string(rateLimitPerPrincipal)
  RATE_LIMIT_PER_ADDRESS: string(rateLimitPerAddress)
  // Callers reach the API through the Static Web App, whose entry follows theirs in X-Forwarded-For.
  RATE_LIMIT_PROXY_HOPS: '1'
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 2048
      }
      runtime: { name: 'node', version: '20' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [for setting in items(appSettings): { name: setting.key, value: setting.value }]
    }
  }
}

output id string = app.id
output name string = app.name
output principalId string = app.identity.principalId
