// Key Vault in RBAC mode for the pipeline's secrets (token secret, SMTP credentials). Access policies
// are off: who may read or write a secret is an Azure role assignment, visible and auditable.

@description('Azure region of the vault.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Key Vault name: 3-24 letters, digits and hyphens.')
@minLength(3)
@maxLength(24)
param name string

@description('Days a deleted vault or secret can be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 7

@description('Purge protection cannot be switched off again once on; it also stops `azd down --purge` from freeing the name.')
param enablePurgeProtection bool = false

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // The API refuses an explicit false, so the property is left out unless it is switched on.
    enablePurgeProtection: enablePurgeProtection ? true : null
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
