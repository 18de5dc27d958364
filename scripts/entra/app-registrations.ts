/**
 * Writes the Microsoft Graph bodies of Samlad's two Entra app registrations, which
 * scripts/entra/register.sh PATCHes with the Azure CLI (`az rest`):
 *
 *   api-app.json   the API: its app roles (app-roles.ts, from the förbund configuration), the
 *                  delegated scope `Samlad.Access` the pane asks for, v2 access tokens (whose
 *                  `aud` is the API's client id: ENTRA_AUDIENCE), and its application id URI
 *   pane-app.json  the task pane: a single-page app with the redirect URIs its sign-in uses
 *                  (MSAL popup, the Office dialog, nested app authentication's broker URI),
 *                  permitted to ask for the API's scope
 *
 *   node dist/scripts/entra/app-registrations.js --out DIR --api-app-id GUID [--pane-url https://…]
 *        [--existing-api-roles FILE]   (the API's current appRoles, to keep removed ones disabled)
 *        [--forbund FILE]              (GET /api/admin/forbund's answer: the förbund in the store)
 *
 * Without --pane-url only api-app.json is written: the pane's address is known once
 * `azd provision` has made its Static Web App, which itself needs the API's client id.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { forbundListAnswerSchema } from '../../shared/api/settings';
import { registry as shippedRegistry } from '../../shared/config/registry';
import { appRolesFor, mergeAppRoles, uuidV5, type AppRole, type RoleSource } from './app-roles';

export const API_SCOPE = 'Samlad.Access';
export const API_DISPLAY_NAME = 'Samlad API';
export const PANE_DISPLAY_NAME = 'Samlad (Excel)';

const appRoleSchema = z.object({
  id: z.string(),
  value: z.string(),
  displayName: z.string(),
  description: z.string(),
  allowedMemberTypes: z.array(z.string()),
  isEnabled: z.boolean(),
});

const scopeId = uuidV5(`scope:${API_SCOPE}`);

export function apiRegistrationBody(options: {
  registry: RoleSource;
  apiAppId: string;
  existingApiRoles?: readonly AppRole[];
}): Record<string, unknown> {
  return {
    displayName: API_DISPLAY_NAME,
    signInAudience: 'AzureADMyOrg',
    identifierUris: [`api://${options.apiAppId}`],
    api: {
      requestedAccessTokenVersion: 2,
      oauth2PermissionScopes: [
        {
          id: scopeId,
          value: API_SCOPE,
          type: 'User',
          isEnabled: true,
          adminConsentDisplayName: 'Använda Samlad',
          adminConsentDescription: 'Låter Samlads Excel-tillägg anropa Samlads API som den inloggade användaren.',
          userConsentDisplayName: 'Använda Samlad',
          userConsentDescription: 'Låter Samlads Excel-tillägg anropa Samlads API åt dig.',
        },
      ],
    },
    appRoles: mergeAppRoles(appRolesFor(options.registry), options.existingApiRoles ?? []),
  };
}

export function paneRegistrationBody(options: { apiAppId: string; paneUrl: string }): Record<string, unknown> {
  const paneUrl = new URL(options.paneUrl);
  if (paneUrl.protocol !== 'https:') throw new Error(`--pane-url must be https (got ${options.paneUrl})`);
  const base = paneUrl.href.endsWith('/') ? paneUrl.href : `${paneUrl.href}/`;
  return {
    displayName: PANE_DISPLAY_NAME,
    signInAudience: 'AzureADMyOrg',
    spa: {
      redirectUris: [
        new URL('auth-redirect.html', base).href,
        new URL('auth-dialog.html', base).href,
        `brk-multihub://${paneUrl.host}`,
      ],
    },
    requiredResourceAccess: [{ resourceAppId: options.apiAppId, resourceAccess: [{ id: scopeId, type: 'Scope' }] }],
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      'api-app-id': { type: 'string' },
      'pane-url': { type: 'string' },
      'existing-api-roles': { type: 'string' },
      forbund: { type: 'string' },
    },
  });
  if (!values.out || !values['api-app-id'])
    throw new Error(
      'Usage: app-registrations.js --out DIR --api-app-id GUID [--pane-url https://…] [--existing-api-roles FILE]',
    );
  const existing = values['existing-api-roles']
    ? z.array(appRoleSchema).parse(JSON.parse(readFileSync(values['existing-api-roles'], 'utf8') || '[]'))
    : [];
  // The förbund as the running app has them (GET /api/admin/forbund: every party of every year),
  // since kansliet and administrators change them without a deploy; else what shipped.
  const source: RoleSource = values.forbund
    ? forbundListAnswerSchema.parse(JSON.parse(readFileSync(values.forbund, 'utf8')))
    : shippedRegistry;
  if (!values.forbund)
    process.stderr.write('No --forbund: roles for the shipped förbund only, not those added since.\n');
  const api = apiRegistrationBody({
    registry: source,
    apiAppId: values['api-app-id'],
    existingApiRoles: existing,
  });
  mkdirSync(values.out, { recursive: true });
  writeFileSync(path.join(values.out, 'api-app.json'), `${JSON.stringify(api, null, 2)}\n`);
  const roles = api['appRoles'] as AppRole[];
  process.stdout.write(
    `Wrote api-app.json (${roles.filter((r) => r.isEnabled).length} app roles, ` +
      `${roles.filter((r) => !r.isEnabled).length} disabled)\n`,
  );
  if (values['pane-url']) {
    const pane = paneRegistrationBody({ apiAppId: values['api-app-id'], paneUrl: values['pane-url'] });
    writeFileSync(path.join(values.out, 'pane-app.json'), `${JSON.stringify(pane, null, 2)}\n`);
    process.stdout.write('Wrote pane-app.json\n');
  }
}

if (require.main === module) main();
