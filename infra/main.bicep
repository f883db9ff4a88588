// PulsePipeline in one resource group: Functions app (Flex Consumption, .NET 10 isolated) with a
// user-assigned managed identity, its storage account, Key Vault, Application Insights and Azure
// Communication Services email. Deploy with `azd up`, or `az deployment group create` (see README).
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(64)
@description('Environment name (azd); seeds the unique resource names and tags every resource.')
param environmentName string

@description('Region of the regional resources. It must offer Flex Consumption: `az functionapp list-flexconsumption-locations`.')
param location string = resourceGroup().location

@description('Object id of the deploying user or CI principal; it gets the same storage data roles as the app and may write Key Vault secrets. Empty grants nothing.')
param principalId string = ''

@description('Kind of principalId.')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

// ---- Pipeline options (PULSE_*; the README configuration table explains each) ----

@description('PULSE_K: k-anonymity threshold, at least 3.')
@minValue(3)
param k int = 5

@description('PULSE_WAVE_SCHEDULE: six-field NCRONTAB on which a wave opens. Flex Consumption runs timers in UTC.')
param waveSchedule string = '0 0 8 1 * *'

@description('PULSE_CLOSE_SCHEDULE: NCRONTAB on which waves whose time is up are closed and published (UTC).')
param closeSchedule string = '0 */15 * * * *'

@description('PULSE_REMINDER_SCHEDULE: NCRONTAB (UTC, as Flex Consumption runs timers) on which due reminders go out; none go out on a Saturday or Sunday in Amsterdam time (DutchCalendar), whatever the schedule says.')
param reminderSchedule string = '0 0 9 * * 1-5'

@description('PULSE_REMINDER_DAYS: days after opening on which reminders 1-3 fall due; empty for none.')
param reminderDays string = '7,10,12'

@description('PULSE_CONFIDENTIAL_ADVISER_URL: the organisation\'s page on its confidential advisers (vertrouwenspersonen), linked from the thank-you page.')
param confidentialAdviserUrl string = 'https://www.rijksoverheid.nl/onderwerpen/integriteit-overheid'

@description('PULSE_REPORTING_CHANNEL_URL: the independent reporting channel linked from the thank-you page.')
param reportingChannelUrl string = 'https://www.huisvoorklokkenluiders.nl'

@description('PULSE_WAVE_LENGTH_DAYS: days a wave stays open.')
@minValue(1)
@maxValue(90)
param waveLengthDays int = 14

@description('PULSE_IPIM_RECIPIENTS: comma-separated addresses of the IPIM digest.')
@minLength(3)
param ipimRecipients string

@description('PULSE_DIGEST_WHEN_QUIET: also send the IPIM digest when nothing is flagged.')
param digestWhenQuiet bool = false

@description('PULSE_SURVEY_BASE_URL: public base URL of the survey; empty uses https://<the app\'s default host name>.')
param surveyBaseUrl string = ''

@description('PULSE_SENDER_NAME: display name on invitations and digests.')
param senderDisplayName string = 'Integriteitspuls'

@description('PULSE_DIGEST_LANGUAGE: language of the IPIM digest.')
@allowed([
  'nl'
  'en'
])
param digestLanguage string = 'nl'

@description('Email address that hears of a message moved to a -poison queue within the hour. Empty: the subscription\'s Owners.')
param operatorEmail string = ''

// ---- Email ----

@description('Custom sender domain (e.g. pulse.example.nl). Empty uses an Azure-managed domain: fine for a first test, far too slow for a real wave.')
param customEmailDomain string = ''

@description('Set to true once the custom domain\'s DNS records are verified; until then the domain is not linked and nothing can be sent.')
param customEmailDomainVerified bool = false

@description('Local part of the sender address (PULSE_SENDER_ADDRESS = <this>@<domain>). An Azure-managed domain only allows DoNotReply.')
param senderUsername string = 'DoNotReply'

@description('Where Communication Services keeps its data at rest.')
param emailDataLocation string = 'Europe'

@description('Emails per minute the subscription\'s Communication Services quota allows; 0 takes the initial quota of the domain kind (5 Azure-managed, 30 custom). Set it after a quota increase.')
@minValue(0)
param emailQuotaPerMinute int = 0

@description('Emails per hour the quota allows; 0 takes the initial quota of the domain kind (10 Azure-managed, 100 custom).')
@minValue(0)
param emailQuotaPerHour int = 0

@description('Application (client) id of the Entra application the SMTP relay authenticates (README, "SMTP credentials"); empty until it exists.')
param smtpEntraApplicationId string = ''

@description('Object id of that application\'s service principal.')
param smtpServicePrincipalId string = ''

// ---- IPIM workspace ----

@description('Application (client) id of the IPIM workspace\'s Entra ID app registration; the post-provision hook creates it and sets PULSE_WORKSPACE_CLIENT_ID. Empty: sign-in is off and the workspace refuses everyone.')
param workspaceClientId string = ''

// ---- Scale and retention ----

@description('Most instances per function group. 40 is the lowest value every source accepts (the official Flex samples refuse less); the email quota holds at any count, because every instance sends through one limiter in storage.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Switch on in production: a purge-protected vault cannot be purged (nor its name reused) for the retention period.')
param keyVaultPurgeProtection bool = false

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = {
  'azd-env-name': environmentName
  application: 'pulsepipeline'
}
var names = {
  identity: 'id-pulse-${resourceToken}'
  authIdentity: 'id-pulse-auth-${resourceToken}'
  logAnalytics: 'log-pulse-${resourceToken}'
  applicationInsights: 'appi-pulse-${resourceToken}'
  storage: 'stpulse${resourceToken}'
  keyVault: 'kv-pulse-${resourceToken}'
  emailService: 'ecs-pulse-${resourceToken}'
  communicationService: 'acs-pulse-${resourceToken}'
  plan: 'plan-pulse-${resourceToken}'
  functionApp: 'func-pulse-${resourceToken}'
}
var serviceName = 'functions'
var deploymentContainerName = 'app-package'
var secretNames = {
  tokenSecret: 'pulse-token-secret'
  smtpUsername: 'pulse-smtp-username'
  smtpPassword: 'pulse-smtp-password'
}
var smtpConfigured = !empty(smtpEntraApplicationId) && !empty(smtpServicePrincipalId)

// PULSE_SEND_LIMITS holds every instance of every function group together (one ledger in table storage), so
// the quota is the limit itself, whatever the instance count.
var perMinute = emailQuotaPerMinute > 0 ? emailQuotaPerMinute : (empty(customEmailDomain) ? 5 : 30)
var perHour = emailQuotaPerHour > 0 ? emailQuotaPerHour : (empty(customEmailDomain) ? 10 : 100)
var sendLimits = '${perMinute}/1m,${perHour}/1h'

@description('An app setting value that App Service resolves from Key Vault (latest version) as the app\'s identity.')
func keyVaultReference(vaultUri string, secretName string) string =>
  '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretName}/)'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: names.identity
  location: location
  tags: tags
}

// App Service Authentication's credential alone (the workspace app registration trusts it): no role assignment,
// so a token of it reaches no storage, secret or telemetry.
resource authIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: names.authIdentity
  location: location
  tags: tags
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
  }
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: tags
    name: names.storage
    containerNames: [
      deploymentContainerName
    ]
  }
}

module keyVault 'core/security/key-vault.bicep' = {
  name: 'keyVault'
  params: {
    location: location
    tags: tags
    name: names.keyVault
    enablePurgeProtection: keyVaultPurgeProtection
  }
}

// Names are passed as compile-time values (not module outputs) so that what-if can predict the
// role assignments; dependsOn keeps the order.
module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  dependsOn: [
    storage
    keyVault
    monitoring
  ]
  params: {
    storageAccountName: names.storage
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
    appPrincipalId: identity.properties.principalId
    developerPrincipalId: principalId
    developerPrincipalType: principalType
  }
}

module email 'app/email.bicep' = {
  name: 'email'
  dependsOn: [
    keyVault
  ]
  params: {
    tags: tags
    emailServiceName: names.emailService
    communicationServiceName: names.communicationService
    dataLocation: emailDataLocation
    customDomainName: customEmailDomain
    customDomainVerified: customEmailDomainVerified
    senderUsername: senderUsername
    senderDisplayName: senderDisplayName
    smtpEntraApplicationId: smtpEntraApplicationId
    smtpServicePrincipalId: smtpServicePrincipalId
    keyVaultName: names.keyVault
    smtpUsernameSecretName: secretNames.smtpUsername
  }
}

module functionApp 'app/function-app.bicep' = {
  name: 'functionApp'
  // The app fetches its package and reads its secrets as its identity: grant the roles first.
  dependsOn: [
    rbac
  ]
  params: {
    location: location
    tags: tags
    planName: names.plan
    functionAppName: names.functionApp
    serviceName: serviceName
    identityId: identity.id
    authIdentityId: authIdentity.id
    blobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    workspaceClientId: workspaceClientId
  }
}

module poisonAlert 'core/monitor/poison-alert.bicep' = {
  name: 'poisonAlert'
  dependsOn: [
    monitoring
  ]
  params: {
    location: location
    tags: tags
    nameSuffix: 'pulse-${resourceToken}'
    applicationInsightsName: names.applicationInsights
    operatorEmail: operatorEmail
  }
}

module appSettings 'app/app-settings.bicep' = {
  name: 'appSettings'
  params: {
    functionAppName: names.functionApp
    hostSettings: {
      // The host and the pipeline's own clients reach storage as the managed identity.
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.properties.clientId
      AzureWebJobsStorage__blobServiceUri: storage.outputs.blobEndpoint
      AzureWebJobsStorage__queueServiceUri: storage.outputs.queueEndpoint
      AzureWebJobsStorage__tableServiceUri: storage.outputs.tableEndpoint
      // DefaultAzureCredential picks the user-assigned identity from this.
      AZURE_CLIENT_ID: identity.properties.clientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
      // Local auth is off: the host and the worker send telemetry with a token of this identity.
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
      // Worker log levels (host.json governs only the host's own logs). The pipeline logs at
      // Information. ASP.NET Core's request logs would carry survey tokens in the path: Warning only.
      Logging__LogLevel__Default: 'Information'
      'Logging__LogLevel__Microsoft.AspNetCore': 'Warning'
      Logging__LogLevel__Azure: 'Warning'
      // Every log line is kept, not a sample of them: the poison alert counts them, and there are few.
      ApplicationInsights__EnableAdaptiveSampling: 'false'
      // Dependency telemetry would record every storage call with its URL (table keys include token
      // hashes and units) and a millisecond timestamp: a per-response timing record. Off.
      ApplicationInsights__EnableDependencyTrackingTelemetryModule: 'false'
      // App Service Authentication signs in to Entra ID as the auth identity (federated credential), not a secret.
      OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID: authIdentity.properties.clientId
    }
    pulseSettings: {
      PULSE_K: string(k)
      PULSE_TOKEN_SECRET: keyVaultReference(keyVault.outputs.uri, secretNames.tokenSecret)
      PULSE_WAVE_SCHEDULE: waveSchedule
      PULSE_CLOSE_SCHEDULE: closeSchedule
      PULSE_REMINDER_SCHEDULE: reminderSchedule
      PULSE_REMINDER_DAYS: reminderDays
      PULSE_WAVE_LENGTH_DAYS: string(waveLengthDays)
      PULSE_CONFIDENTIAL_ADVISER_URL: confidentialAdviserUrl
      PULSE_REPORTING_CHANNEL_URL: reportingChannelUrl
      PULSE_IPIM_RECIPIENTS: ipimRecipients
      PULSE_DIGEST_WHEN_QUIET: string(digestWhenQuiet)
      PULSE_SURVEY_BASE_URL: empty(surveyBaseUrl) ? 'https://${functionApp.outputs.defaultHostName}' : surveyBaseUrl
      PULSE_SENDER_ADDRESS: email.outputs.senderAddress
      PULSE_SENDER_NAME: senderDisplayName
      PULSE_SMTP_HOST: 'smtp.azurecomm.net'
      PULSE_SMTP_PORT: '587'
      PULSE_SMTP_STARTTLS: 'true'
      // Until the SMTP application exists both stay empty (the host starts; sending fails and is retried).
      PULSE_SMTP_USERNAME: smtpConfigured ? keyVaultReference(keyVault.outputs.uri, secretNames.smtpUsername) : ''
      PULSE_SMTP_PASSWORD: smtpConfigured ? keyVaultReference(keyVault.outputs.uri, secretNames.smtpPassword) : ''
      PULSE_SEND_LIMITS: sendLimits
      // Always empty in Azure: the queue triggers bind unprefixed names (functions.metadata) and the app refuses a
      // prefix at start-up. Each environment has a storage account of its own instead.
      PULSE_STORAGE_PREFIX: ''
      PULSE_DIGEST_LANGUAGE: digestLanguage
      // The workspace's development sign-in exists for `pulse host` on loopback only; the Functions app
      // refuses to start with it on. In Azure, App Service Authentication (Entra ID) signs people in.
      PULSE_DEV_SIGNIN: 'false'
    }
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output AZURE_COMMUNICATION_SERVICE_NAME string = email.outputs.communicationServiceName
output AZURE_EMAIL_SERVICE_NAME string = names.emailService
output EMAIL_DOMAIN_NAME string = email.outputs.domainName
output SENDER_ADDRESS string = email.outputs.senderAddress
output SMTP_CONFIGURED bool = email.outputs.smtpConfigured
output EMAIL_DOMAIN_LINKED bool = email.outputs.domainLinked
output SURVEY_BASE_URL string = empty(surveyBaseUrl) ? 'https://${functionApp.outputs.defaultHostName}' : surveyBaseUrl
output SEND_LIMITS string = sendLimits
output WORKSPACE_AUTH_IDENTITY_PRINCIPAL_ID string = authIdentity.properties.principalId
output WORKSPACE_URL string = 'https://${functionApp.outputs.defaultHostName}/ipim'
output WORKSPACE_SIGN_IN_CONFIGURED bool = !empty(workspaceClientId)
output MAXIMUM_INSTANCE_COUNT int = maximumInstanceCount
