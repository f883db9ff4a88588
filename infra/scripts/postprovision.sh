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
# Registering the workspace's Entra ID application is Microsoft Graph, which many deployers may not use. Its
# failure must not stop `azd up` before the code is deployed: the workspace stays closed (the app refuses it to
# everyone until sign-in is on) and this prints who has to run what.
if [ -z "${PULSE_WORKSPACE_CLIENT_ID:-}" ] && [ -n "${FUNCTION_APP_URL:-}" ] && [ -n "${WORKSPACE_AUTH_IDENTITY_PRINCIPAL_ID:-}" ]; then
  if ! sh "$(dirname "$0")/workspace-app.sh"; then
    cat >&2 <<MESSAGE
postprovision: the workspace's sign-in is NOT set up: registering its Entra ID application failed (Microsoft
  Graph's answer is above; usually this account may not register applications). Everything else is provisioned
  and the code deploys as usual; the IPIM workspace refuses everyone until this is done. Someone who may
  register applications in the tenant runs, from a checkout of this repository:
    AZURE_TENANT_ID=${AZURE_TENANT_ID:-} AZURE_ENV_NAME=${AZURE_ENV_NAME:-} FUNCTION_APP_URL=$FUNCTION_APP_URL \\
    WORKSPACE_AUTH_IDENTITY_PRINCIPAL_ID=$WORKSPACE_AUTH_IDENTITY_PRINCIPAL_ID sh infra/scripts/workspace-app.sh
  and then, here: azd env set PULSE_WORKSPACE_CLIENT_ID <the client id it prints> && azd provision
MESSAGE
  fi
fi
