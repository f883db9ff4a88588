#!/bin/sh
# azd runs this after provisioning and before deploying the code (`azd up`, `azd provision`); run it
# by hand after `az deployment group create`. It makes sure Key Vault holds the survey token secret
# that the app settings reference. The value is generated here and written straight to the vault:
# it is never printed, kept in the azd environment or passed through a deployment. An existing secret
# is left alone, because replacing it would invalidate every survey link of an open wave.
set -eu

vault="${AZURE_KEY_VAULT_NAME:?set AZURE_KEY_VAULT_NAME (an output of infra/main.bicep)}"
secret_name="pulse-token-secret" # secretNames.tokenSecret in infra/main.bicep

if ! command -v az >/dev/null 2>&1; then
  echo "postprovision: the Azure CLI (az) is required." >&2
  exit 1
fi
if ! az account show >/dev/null 2>&1; then
  echo "postprovision: sign in with 'az login' (the same account as azd) and run 'azd provision' again." >&2
  exit 1
fi

created=false
attempt=1
while :; do
  if out=$(az keyvault secret show --vault-name "$vault" --name "$secret_name" --query id -o tsv 2>&1); then
    echo "postprovision: $secret_name is present in $vault."
    break
  fi
  case "$out" in
    *SecretNotFound*)
      tmp=$(mktemp)
      trap 'rm -f "$tmp"' EXIT
      chmod 600 "$tmp"
      # 48 random bytes, base64: 64 characters, well above the 32 bytes the host requires.
      head -c 48 /dev/urandom | base64 | tr -d '\n' >"$tmp"
      az keyvault secret set --vault-name "$vault" --name "$secret_name" --file "$tmp" --encoding utf-8 \
        --content-type "PulsePipeline survey token HMAC key" --output none
      rm -f "$tmp"
      created=true
      echo "postprovision: generated $secret_name in $vault."
      break
      ;;
  esac
  # A role assignment made by this deployment (Key Vault Secrets Officer) takes minutes to apply.
  if [ "$attempt" -ge 20 ]; then
    echo "$out" >&2
    exit 1
  fi
  echo "postprovision: waiting for access to $vault (attempt $attempt of 20)."
  attempt=$((attempt + 1))
  sleep 15
done

# Key Vault references are resolved when the app starts: restart so it picks up a new secret.
if [ "$created" = true ] && [ -n "${AZURE_FUNCTION_APP_NAME:-}" ] && [ -n "${AZURE_RESOURCE_GROUP:-}" ]; then
  az functionapp restart --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" --output none || true
fi

# azd writes the output as "true", `az ... -o tsv` as "True".
case "${SMTP_CONFIGURED:-false}" in
  [Tt]rue) ;;
  *) echo "postprovision: SMTP is not configured yet, so no email can be sent. See README, 'SMTP credentials'." ;;
esac

# ---- IPIM workspace sign-in ----
# App Service Authentication needs an Entra ID app registration with the workspace's two app roles. Microsoft
# Graph, not Azure Resource Manager, creates it, so Bicep cannot: it is made here once per environment (like the
# SMTP application of the README), and its client id goes into the azd environment, from which the next
# `azd provision` switches sign-in on (infra/app/function-app.bicep, authsettingsV2). Until then the app refuses
# the workspace to everyone. No client secret: the app proves itself with its managed identity (federated credential).
if [ -z "${PULSE_WORKSPACE_CLIENT_ID:-}" ] && [ -n "${FUNCTION_APP_URL:-}" ] && [ -n "${AZURE_FUNCTION_APP_IDENTITY_PRINCIPAL_ID:-}" ]; then
  display="pulsepipeline-ipim-${AZURE_ENV_NAME:-pulse}"
  uuid() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n' | sed -E 's/^(.{8})(.{4}).(.{3}).(.{3})(.{12})$/\1-\2-4\3-a\4-\5/'; }
  app_id=$(az ad app list --display-name "$display" --query "[0].appId" -o tsv)
  if [ -z "$app_id" ]; then
    roles=$(mktemp)
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
    rm -f "$roles"
    echo "postprovision: created the app registration $display ($app_id) with the roles IPIM.Reader and IPIM.Editor."
  fi
  az ad app update --id "$app_id" --identifier-uris "api://$app_id"
  az ad sp show --id "$app_id" >/dev/null 2>&1 || az ad sp create --id "$app_id" --output none
  # Only people who hold one of its roles can sign in at all; everyone else stops at Entra ID.
  az ad sp update --id "$app_id" --set appRoleAssignmentRequired=true --output none
  if [ -z "$(az ad app federated-credential list --id "$app_id" --query "[?name=='app-service-authentication'].name" -o tsv)" ]; then
    fic=$(mktemp)
    printf '{"name":"app-service-authentication","issuer":"https://login.microsoftonline.com/%s/v2.0","subject":"%s","audiences":["api://AzureADTokenExchange"],"description":"App Service Authentication of the PulsePipeline app, as its managed identity"}' \
      "${AZURE_TENANT_ID:?set AZURE_TENANT_ID (an output of infra/main.bicep)}" "$AZURE_FUNCTION_APP_IDENTITY_PRINCIPAL_ID" >"$fic"
    az ad app federated-credential create --id "$app_id" --parameters @"$fic" --output none
    rm -f "$fic"
  fi
  if command -v azd >/dev/null 2>&1; then
    azd env set PULSE_WORKSPACE_CLIENT_ID "$app_id"
    echo "postprovision: run 'azd provision' once more to switch on sign-in for the workspace, then assign roles (README, 'Access to the workspace')."
  else
    echo "postprovision: deploy again with workspaceClientId=$app_id to switch on sign-in for the workspace (README, 'Access to the workspace')."
  fi
fi
