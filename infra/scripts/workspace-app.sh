#!/bin/sh
# Registers the IPIM workspace's Entra ID application once per environment and trusts App Service
# Authentication's managed identity to sign in as it (a federated credential: no client secret). Microsoft Graph,
# not Azure Resource Manager, does this, so Bicep cannot: infra/scripts/postprovision.sh calls this script, and
# someone who may register applications can run it by hand with the variables below (postprovision prints them when
# it could not). Its client id goes into the azd environment (PULSE_WORKSPACE_CLIENT_ID), from which the next
# `azd provision` switches sign-in on (infra/app/function-app.bicep, authsettingsV2). Safe to run again.
set -eu

: "${AZURE_TENANT_ID:?set AZURE_TENANT_ID (an output of infra/main.bicep)}"
: "${FUNCTION_APP_URL:?set FUNCTION_APP_URL (an output of infra/main.bicep)}"
: "${WORKSPACE_AUTH_IDENTITY_PRINCIPAL_ID:?set WORKSPACE_AUTH_IDENTITY_PRINCIPAL_ID (an output of infra/main.bicep)}"
display="pulsepipeline-ipim-${AZURE_ENV_NAME:-pulse}"
uuid() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n' | sed -E 's/^(.{8})(.{4}).(.{3}).(.{3})(.{12})$/\1-\2-4\3-a\4-\5/'; }

app_id=$(az ad app list --display-name "$display" --query "[0].appId" -o tsv)
if [ -z "$app_id" ]; then
  roles=$(mktemp)
  trap 'rm -f "$roles"' EXIT
  cat >"$roles" <<ROLES
[
  {"allowedMemberTypes": ["User"], "displayName": "IPIM reader", "value": "IPIM.Reader", "isEnabled": true, "id": "$(uuid)",
   "description": "Reads everything in the IPIM workspace: published results, flags, interventions and effects."},
  {"allowedMemberTypes": ["User"], "displayName": "IPIM editor", "value": "IPIM.Editor", "isEnabled": true, "id": "$(uuid)",
   "description": "Reads the IPIM workspace and records and updates interventions."}
]
ROLES
  app_id=$(az ad app create --display-name "$display" --sign-in-audience AzureADMyOrg \
    --web-redirect-uris "$FUNCTION_APP_URL/.auth/login/aad/callback" --enable-id-token-issuance true \
    --app-roles @"$roles" --query appId -o tsv)
  echo "workspace-app: created the app registration $display ($app_id) with the roles IPIM.Reader and IPIM.Editor."
fi
az ad app update --id "$app_id" --identifier-uris "api://$app_id"
az ad sp show --id "$app_id" >/dev/null 2>&1 || az ad sp create --id "$app_id" --output none
# Only people who hold one of its roles can sign in at all; everyone else stops at Entra ID.
az ad sp update --id "$app_id" --set appRoleAssignmentRequired=true --output none

# The credential trusts the auth identity (WORKSPACE_AUTH_IDENTITY_PRINCIPAL_ID), which holds no data role.
fic=$(mktemp)
printf '{"name":"app-service-authentication","issuer":"https://login.microsoftonline.com/%s/v2.0","subject":"%s","audiences":["api://AzureADTokenExchange"],"description":"App Service Authentication of the PulsePipeline app, as its auth identity"}' \
  "$AZURE_TENANT_ID" "$WORKSPACE_AUTH_IDENTITY_PRINCIPAL_ID" >"$fic"
subject=$(az ad app federated-credential list --id "$app_id" --query "[?name=='app-service-authentication'].subject" -o tsv)
if [ -z "$subject" ]; then
  az ad app federated-credential create --id "$app_id" --parameters @"$fic" --output none
elif [ "$subject" != "$WORKSPACE_AUTH_IDENTITY_PRINCIPAL_ID" ]; then
  az ad app federated-credential update --id "$app_id" --federated-credential-id app-service-authentication --parameters @"$fic" --output none
fi
rm -f "$fic"

echo "workspace-app: the workspace's client id is $app_id."
if command -v azd >/dev/null 2>&1 && azd env set PULSE_WORKSPACE_CLIENT_ID "$app_id" 2>/dev/null; then
  echo "workspace-app: run 'azd provision' once more to switch on sign-in for the workspace, then assign roles (README, 'Access to the workspace')."
else
  echo "workspace-app: set PULSE_WORKSPACE_CLIENT_ID=$app_id in the azd environment (or deploy with workspaceClientId=$app_id) and provision again."
fi
