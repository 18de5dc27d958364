#!/usr/bin/env sh
# azd's prepackage hook (azure.yaml): build with the pane's production settings, then package.
# azd exports the environment's values (provision outputs and `azd env set` values) to hooks.
set -eu
cd "$(dirname "$0")/../.."

: "${SAMLAD_ADDIN_BASE_URL:?is a provision output; run azd provision first}"
: "${SAMLAD_ENTRA_CLIENT_ID:?azd env set SAMLAD_ENTRA_CLIENT_ID <the pane app registration id> (scripts/entra/register.sh)}"
: "${SAMLAD_API_CLIENT_ID:?azd env set SAMLAD_API_CLIENT_ID <the API app registration id> (scripts/entra/register.sh)}"
: "${AZURE_TENANT_ID:?is a provision output; run azd provision first}"

export SAMLAD_ADDIN_ENV=production
export SAMLAD_ADDIN_BASE_URL
export SAMLAD_ENTRA_CLIENT_ID
export SAMLAD_API_BASE=/api
export SAMLAD_OFFICE_JS_URL="${SAMLAD_OFFICE_JS_URL:-https://appsforoffice.microsoft.com/lib/1/hosted/office.js}"
export SAMLAD_ENTRA_AUTHORITY="https://login.microsoftonline.com/${AZURE_TENANT_ID}"
export SAMLAD_API_SCOPES="api://${SAMLAD_API_CLIENT_ID}/Samlad.Access"

npm ci
npm run build
node dist/scripts/package-app.js --out .deploy
