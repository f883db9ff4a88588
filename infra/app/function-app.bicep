// Flex Consumption plan and the Functions app (.NET 10 isolated worker, Linux). The app runs as a
// user-assigned managed identity, which it also uses to fetch its deployment package, resolve Key
// Vault references and reach storage; no connection string or key is stored anywhere. A second
// user-assigned identity, holding no role at all, is only App Service Authentication's credential.
// The site has the shape of the Flex Consumption samples: runtime and scale live in functionAppConfig,
// and siteConfig holds nothing that Flex refuses (DeploymentTests/FlexSiteTests keeps the list).

@description('Azure region of the plan and the app.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Flex Consumption plan name.')
param planName string

@description('Functions app name.')
param functionAppName string

@description('azd service name in azure.yaml that deploys to this app.')
param serviceName string

@description('Resource id of the user-assigned managed identity the app runs as (storage, Key Vault, telemetry).')
param identityId string

@description('Resource id of the user-assigned managed identity that signs App Service Authentication in to Entra ID (a federated credential); it holds no data role.')
param authIdentityId string

@description('Blob endpoint of the storage account, ending in a slash.')
param blobEndpoint string

@description('Container holding the deployment package.')
param deploymentContainerName string

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances per function group (HTTP triggers scale as one group, every other trigger on its own). 40-1000: the range every source accepts (DeploymentTests/FlexSiteTests).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Application (client) id of the IPIM workspace\'s Entra ID app registration (made by infra/scripts/postprovision.sh). Empty: App Service Authentication stays off, and the app then refuses the workspace to everyone.')
param workspaceClientId string = ''

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: functionAppName
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
      '${authIdentityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    publicNetworkAccess: 'Enabled'
    // Key Vault references in app settings resolve as this identity (the default would be a
    // system-assigned identity, which the app does not have).
    keyVaultReferenceIdentity: identityId
    // FTP needs no setting here: Flex has no FTP endpoint, and ftpsState is refused (ARM 51021).
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // Publishing goes through Entra-authenticated deployment (azd, `func azure functionapp publish`);
  // the basic-auth FTP and SCM credentials stay switched off.
  resource ftpCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

// App Service Authentication (Easy Auth) with Entra ID in front of the app. Unauthenticated requests are
// allowed only on the survey (employees have no account) and on /admin/* (the Functions runtime API, which
// the Functions host itself guards with the master key; README "Send a first test wave" calls it). The
// platform then sets X-MS-CLIENT-PRINCIPAL and WEBSITE_AUTH_ENABLED, which the workspace relies on. /admin/* is
// excluded on purpose: Easy Auth would send the operator's curl to a sign-in page, and the master key already
// guards it. The app proves itself to Entra ID with the auth identity (a federated credential), so there is no
// client secret, and that identity can reach no data.
resource authSettings 'Microsoft.Web/sites/config@2025-03-01' = if (!empty(workspaceClientId)) {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: [
        '/survey/*'
        '/admin/*'
      ]
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: workspaceClientId
          clientSecretSettingName: 'OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID'
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${workspaceClientId}'
            workspaceClientId
          ]
        }
      }
    }
    login: {
      // Only the signed-in principal is needed; the users' tokens are not kept.
      tokenStore: {
        enabled: false
      }
      cookieExpiration: {
        convention: 'FixedTime'
        timeToExpiration: '08:00:00'
      }
    }
  }
}

output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
