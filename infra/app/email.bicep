// Azure Communication Services for email: an Email Communication Service with one domain (Azure-managed
// by default, a custom domain when one is given), linked to a Communication Services resource whose
// SMTP relay (smtp.azurecomm.net:587, STARTTLS) the pipeline uses through MailKit.
//
// SMTP authenticates as a Microsoft Entra application. Creating that application is the one step Bicep
// cannot do here (it needs Microsoft Graph, not Azure Resource Manager); docs/OPERATIONS.md shows the `az`
// commands. Once its ids are passed in, this module grants it the role the relay requires, creates the
// SMTP username that maps to it and stores that username in Key Vault. Its client secret (the SMTP
// password) goes into Key Vault by hand, so it never passes through a deployment.

@description('Tags applied to every resource.')
param tags object

@description('Email Communication Service name.')
param emailServiceName string

@description('Communication Services name.')
param communicationServiceName string

@description('Where Communication Services stores data at rest, e.g. Europe.')
param dataLocation string

@description('Custom sender domain (e.g. pulse.example.nl); empty uses an Azure-managed *.azurecomm.net domain.')
param customDomainName string = ''

@description('True once the custom domain\'s DNS records are verified; only a verified domain can be linked.')
param customDomainVerified bool = false

@description('Local part of the sender address. An Azure-managed domain only allows DoNotReply.')
param senderUsername string = 'DoNotReply'

@description('Display name of the sender.')
param senderDisplayName string

@description('Application (client) id of the Entra application used for SMTP; empty until it exists.')
param smtpEntraApplicationId string = ''

@description('Object id of that application\'s service principal (enterprise application).')
param smtpServicePrincipalId string = ''

@description('Key Vault that receives the SMTP username secret.')
param keyVaultName string

@description('Name of the Key Vault secret holding the SMTP username.')
param smtpUsernameSecretName string

var isCustomDomain = !empty(customDomainName)
// An Azure-managed domain is verified on creation; a custom one after its DNS records are published.
var linkDomain = !isCustomDomain || customDomainVerified
var smtpConfigured = !empty(smtpEntraApplicationId) && !empty(smtpServicePrincipalId)
var smtpLogin = '${communicationServiceName}-smtp'

// Communication and Email Service Owner: the built-in role the SMTP relay checks on the Entra application.
var communicationAndEmailServiceOwner = '09976791-48a7-449e-bb21-39d1a415f350'

resource emailService 'Microsoft.Communication/emailServices@2025-09-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }

  resource domain 'domains' = {
    name: isCustomDomain ? customDomainName : 'AzureManagedDomain'
    location: 'global'
    tags: tags
    properties: {
      domainManagement: isCustomDomain ? 'CustomerManaged' : 'AzureManaged'
      // No open or click tracking: it would record when each employee read the invitation.
      userEngagementTracking: 'Disabled'
    }

    resource sender 'senderUsernames' = if (isCustomDomain && senderUsername != 'DoNotReply') {
      name: senderUsername
      properties: {
        username: senderUsername
        displayName: senderDisplayName
      }
    }
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2025-09-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: linkDomain ? [emailService::domain.id] : []
    // No access keys or connection strings: SMTP authenticates as an Entra application.
    disableLocalAuth: true
  }
}

resource smtpRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (smtpConfigured) {
  name: guid(communicationService.id, smtpServicePrincipalId, communicationAndEmailServiceOwner)
  scope: communicationService
  properties: {
    principalId: smtpServicePrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', communicationAndEmailServiceOwner)
  }
}

resource smtpUsername 'Microsoft.Communication/communicationServices/smtpUsernames@2025-09-01' = if (smtpConfigured) {
  parent: communicationService
  name: 'pulse'
  dependsOn: [
    smtpRoleAssignment
  ]
  properties: {
    username: smtpLogin
    entraApplicationId: smtpEntraApplicationId
    tenantId: tenant().tenantId
  }
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName
}

resource smtpUsernameSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (smtpConfigured) {
  parent: vault
  name: smtpUsernameSecretName
  properties: {
    value: smtpLogin
    contentType: 'Azure Communication Services SMTP username'
  }
}

output senderAddress string = '${senderUsername}@${emailService::domain.properties.mailFromSenderDomain}'
output smtpConfigured bool = smtpConfigured
output domainLinked bool = linkDomain
output communicationServiceName string = communicationService.name
output domainName string = emailService::domain.name
