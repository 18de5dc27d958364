#!/usr/bin/env bash
# Creates or updates Samlad's two Entra app registrations with the Azure CLI (signed in with
# `az login` as someone who may manage applications), from the förbund configuration: the one
# in the running app's store when SAMLAD_API_URL names it (GET /api/admin/forbund, as someone
# holding the Admin role), else the one that shipped in this checkout (after `npm run build`).
# Run it again whenever kansliet or an administrator adds a förbund or a party.
#
#   scripts/entra/register.sh                        # the API: app roles, scope, v2 tokens
#   SAMLAD_ADDIN_BASE_URL=https://… scripts/entra/register.sh   # and the pane (after azd provision)
#
# Prints the `azd env set` lines for the ids azd needs. People get their app roles in Entra ID
# (Enterprise applications → Samlad API → Users and groups). This script has never been run
# against a tenant; see README, "Deployment to Azure".
set -euo pipefail
cd "$(dirname "$0")/../.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

ensure_app() { # <display name> → appId
  local id
  id="$(az ad app list --display-name "$1" --query "[0].appId" -o tsv)"
  if [[ -z "$id" ]]; then id="$(az ad app create --display-name "$1" --sign-in-audience AzureADMyOrg --query appId -o tsv)"; fi
  # A service principal in this tenant, so roles can be assigned and consent given.
  az ad sp show --id "$id" >/dev/null 2>&1 || az ad sp create --id "$id" >/dev/null
  echo "$id"
}
patch() { # <appId> <body file>
  local object
  object="$(az ad app show --id "$1" --query id -o tsv)"
  az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/${object}" \
    --headers Content-Type=application/json --body "@$2"
}

api="$(ensure_app 'Samlad API')"
az ad app show --id "$api" --query appRoles -o json >"$work/existing-roles.json"
args=(--out "$work" --api-app-id "$api" --existing-api-roles "$work/existing-roles.json")
if [[ -n "${SAMLAD_API_URL:-}" ]]; then
  az rest --method GET --url "${SAMLAD_API_URL%/}/admin/forbund" --resource "api://$api" >"$work/forbund.json"
  args+=(--forbund "$work/forbund.json")
fi
if [[ -n "${SAMLAD_ADDIN_BASE_URL:-}" ]]; then args+=(--pane-url "$SAMLAD_ADDIN_BASE_URL"); fi
node dist/scripts/entra/app-registrations.js "${args[@]}"
patch "$api" "$work/api-app.json"
echo "azd env set SAMLAD_API_CLIENT_ID $api"

if [[ -f "$work/pane-app.json" ]]; then
  pane="$(ensure_app 'Samlad (Excel)')"
  patch "$pane" "$work/pane-app.json"
  echo "azd env set SAMLAD_ENTRA_CLIENT_ID $pane"
fi
