/**
 * Build settings of the task pane and its manifest, read once from the environment with zod
 * (the add-in's counterpart of functions/config.ts). Development needs none; production needs
 * its base URL, where office.js comes from, and the Entra app, so no address is baked into
 * source.
 *
 * | setting | dev default | meaning |
 * |---|---|---|
 * | SAMLAD_ADDIN_ENV | dev | `dev` or `production` |
 * | SAMLAD_ADDIN_BASE_URL | manifest/environments.json | https origin (and path) the pane is served from |
 * | SAMLAD_OFFICE_JS_URL | /office-js/office.js (served from @microsoft/office-js) | office.js for the pages |
 * | SAMLAD_API_BASE | /api | the API, same-origin path or https origin |
 * | SAMLAD_ENTRA_CLIENT_ID, SAMLAD_ENTRA_AUTHORITY, SAMLAD_API_SCOPES | (dev login) | Entra app of
 * the pane; scopes space-separated |
 * | SAMLAD_SUPPORT_URL | base URL | the manifest's SupportUrl |
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { runtimeConfigSchema, type RuntimeConfig } from '../../addin/src/config/runtime-config-schema';

export const LOCAL_OFFICE_JS_PATH = '/office-js/office.js';

const optional = z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).optional());
const httpsUrl = z.string().regex(/^https:\/\/[^\s/]+(\/\S*)?$/, 'must be an https:// address');

const rawSchema = z.object({
  SAMLAD_ADDIN_ENV: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['dev', 'production']).default('dev')),
  SAMLAD_ADDIN_BASE_URL: optional,
  SAMLAD_OFFICE_JS_URL: optional,
  SAMLAD_API_BASE: optional,
  SAMLAD_ENTRA_CLIENT_ID: optional,
  SAMLAD_ENTRA_AUTHORITY: optional,
  SAMLAD_API_SCOPES: optional,
  SAMLAD_SUPPORT_URL: optional,
});

const environmentsSchema = z.object({
  dev: z.object({ id: z.uuid(), displayName: z.string().min(1), baseUrl: z.string() }),
  production: z.object({ id: z.uuid(), displayName: z.string().min(1) }),
});

export interface AddinSettings {
  environment: 'dev' | 'production';
  /** No trailing slash. */
  baseUrl: string;
  manifestId: string;
  displayName: string;
  supportUrl: string;
  officeJsUrl: string;
  runtimeConfig: RuntimeConfig;
}

export class AddinSettingsError extends Error {
  override name = 'AddinSettingsError';
}

export function repoRootFrom(dir: string): string {
  let current = dir;
  for (;;) {
    try {
      readFileSync(path.join(current, 'manifest', 'environments.json'));
      return current;
    } catch {
      const parent = path.dirname(current);
      if (parent === current) throw new AddinSettingsError(`manifest/environments.json not found above ${dir}`);
      current = parent;
    }
  }
}

/** Parses the settings; throws AddinSettingsError naming every wrong setting. */
export function readAddinSettings(env: NodeJS.ProcessEnv, repoRoot: string): AddinSettings {
  const raw = rawSchema.safeParse(env);
  if (!raw.success)
    throw new AddinSettingsError(raw.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  const s = raw.data;
  const environments = environmentsSchema.parse(
    JSON.parse(readFileSync(path.join(repoRoot, 'manifest', 'environments.json'), 'utf8')),
  );
  const problems: string[] = [];
  const production = s.SAMLAD_ADDIN_ENV === 'production';

  const baseUrl = (s.SAMLAD_ADDIN_BASE_URL ?? (production ? '' : environments.dev.baseUrl)).replace(/\/+$/, '');
  if (production && !httpsUrl.safeParse(baseUrl).success)
    problems.push('SAMLAD_ADDIN_BASE_URL: required for production, an https:// address');
  if (!production && !/^https?:\/\/localhost(:\d+)?$/.test(baseUrl) && !httpsUrl.safeParse(baseUrl).success)
    problems.push('SAMLAD_ADDIN_BASE_URL: an https:// address, or http(s)://localhost');

  const officeJsUrl = s.SAMLAD_OFFICE_JS_URL ?? (production ? '' : LOCAL_OFFICE_JS_PATH);
  if (production && !httpsUrl.safeParse(officeJsUrl).success)
    problems.push("SAMLAD_OFFICE_JS_URL: required for production, an https:// address (Microsoft's hosted office.js)");

  const entra = [s.SAMLAD_ENTRA_CLIENT_ID, s.SAMLAD_ENTRA_AUTHORITY, s.SAMLAD_API_SCOPES];
  const wantsEntra = production || entra.some((v) => v !== undefined);
  const candidate = {
    environment: s.SAMLAD_ADDIN_ENV,
    apiBase: s.SAMLAD_API_BASE ?? '/api',
    auth: wantsEntra
      ? {
          mode: 'entra',
          clientId: s.SAMLAD_ENTRA_CLIENT_ID ?? '',
          authority: s.SAMLAD_ENTRA_AUTHORITY ?? '',
          scopes: (s.SAMLAD_API_SCOPES ?? '').split(/\s+/).filter(Boolean),
        }
      : { mode: 'dev' },
  };
  const runtime = runtimeConfigSchema.safeParse(candidate);
  if (!runtime.success) {
    const names: Record<string, string> = {
      clientId: 'SAMLAD_ENTRA_CLIENT_ID',
      authority: 'SAMLAD_ENTRA_AUTHORITY',
      scopes: 'SAMLAD_API_SCOPES',
      apiBase: 'SAMLAD_API_BASE',
    };
    for (const issue of runtime.error.issues) {
      const key = String(issue.path[issue.path.length - 1] ?? issue.path[0] ?? '');
      problems.push(`${names[key] ?? key}: ${issue.message}`);
    }
  }
  if (problems.length > 0 || !runtime.success)
    throw new AddinSettingsError(`Invalid add-in settings (${s.SAMLAD_ADDIN_ENV}):\n  - ${problems.join('\n  - ')}`);

  const envInfo = environments[s.SAMLAD_ADDIN_ENV];
  return {
    environment: s.SAMLAD_ADDIN_ENV,
    baseUrl,
    manifestId: envInfo.id,
    displayName: envInfo.displayName,
    supportUrl: s.SAMLAD_SUPPORT_URL ?? `${baseUrl}/index.html`,
    officeJsUrl,
    runtimeConfig: runtime.data,
  };
}
