// Role assignments of the Functions app's identity and, optionally, of the deploying developer.
// Every assignment is generated from the lists below and named guid(scope, principal, role), so
// redeploying is idempotent and the names never collide.

@description('Storage account the host and the pipeline use.')
param storageAccountName string

@description('Key Vault holding the pipeline secrets.')
param keyVaultName string

@description('Application Insights component the app writes telemetry to.')
param applicationInsightsName string

@description('Principal (object) id of the app\'s user-assigned managed identity.')
param appPrincipalId string

@description('Object id of the deploying user or CI principal; empty grants nothing.')
param developerPrincipalId string = ''

@description('Kind of the developer principal.')
@allowed([
  'User'
  'ServicePrincipal'
])
param developerPrincipalType string = 'User'

// Built-in role definition ids (the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// Blob Data Owner, not Contributor: the Functions host needs it for its lease and timer-status blobs
// (and Flex Consumption for the deployment package). Queue and Table Data Contributor are the least
// that lets the pipeline create, read, update and delete its own queues, messages and entities.
var storageRoleIds = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

var app = {
  principalId: appPrincipalId
  principalType: 'ServicePrincipal'
}
var developer = {
  principalId: developerPrincipalId
  principalType: developerPrincipalType
}
var principals = empty(developerPrincipalId) ? [app] : [app, developer]

// The developer gets the same storage data roles, so `./pulse host` or `func start` can run against
// the cloud account with `az login` credentials.
var storageAssignments = flatten(map(principals, p => map(storageRoleIds, roleId => union(p, { roleId: roleId }))))

// The app may only read secrets; the developer may also write them (the post-provision step and the
// SMTP set-up store secrets), which is what Key Vault Secrets Officer allows, and no more.
var keyVaultAssignments = concat(
  [union(app, { roleId: roles.keyVaultSecretsUser })],
  empty(developerPrincipalId) ? [] : [union(developer, { roleId: roles.keyVaultSecretsOfficer })]
)

// Application Insights has local authentication disabled; publishing telemetry needs this role.
var monitoringAssignments = [union(app, { roleId: roles.monitoringMetricsPublisher })]

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for a in storageAssignments: {
    name: guid(storage.id, a.principalId, a.roleId)
    scope: storage
    properties: {
      principalId: a.principalId
      principalType: a.principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', a.roleId)
    }
  }
]

resource keyVaultRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for a in keyVaultAssignments: {
    name: guid(vault.id, a.principalId, a.roleId)
    scope: vault
    properties: {
      principalId: a.principalId
      principalType: a.principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', a.roleId)
    }
  }
]

resource monitoringRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for a in monitoringAssignments: {
    name: guid(applicationInsights.id, a.principalId, a.roleId)
    scope: applicationInsights
    properties: {
      principalId: a.principalId
      principalType: a.principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', a.roleId)
    }
  }
]
