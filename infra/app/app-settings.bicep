// The Functions app's settings, applied once the app exists (the survey base URL needs its host name).
// Two groups: how the host reaches its storage and telemetry, and the pipeline's own PULSE_* options,
// which main.bicep writes as an object literal so that the deployment tests can read their names from
// the compiled template and compare them with the options class.

@description('Functions app name.')
param functionAppName string

@description('Host-level settings: identity-based AzureWebJobsStorage, Application Insights, logging.')
param hostSettings object

@description('Every PULSE_* option of the pipeline.')
param pulseSettings object

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(hostSettings, pulseSettings)
}
