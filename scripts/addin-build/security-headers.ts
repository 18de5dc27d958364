/**
 * The task pane's security headers, from the same settings as its pages: a Content-Security-
 * Policy that allows exactly what the pane loads — its own files, office.js, the API, and
 * Entra ID when it signs in there — and framing only by the Office hosts that show a pane in
 * a frame (Office on the web; desktop Office shows it in a web view of its own). Production
 * serves them through Static Web Apps (`staticwebapp.config.json` in dist/pane/, written by
 * the build); the dev server sends the development variant itself.
 */
import type { AddinSettings } from './addin-settings';

/** Where Office on the web (and its Microsoft 365 shells) frames add-in panes. */
export const OFFICE_FRAME_ANCESTORS = [
  'https://*.officeapps.live.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://*.sharepoint.com',
  'https://*.officeonline.com',
] as const;

/** office.js opens its telemetry in a frame of its own (seen in the e2e tests under this CSP). */
const OFFICE_JS_TELEMETRY_FRAME = 'https://telemetryservice.firstpartyapps.oaspapps.com';

/** MSAL asks Entra's global endpoint which authorities exist, whatever the configured one. */
const ENTRA_DISCOVERY = 'https://login.microsoftonline.com';

const originOf = (url: string): string | undefined => (/^https?:\/\//.test(url) ? new URL(url).origin : undefined);
const defined = (values: (string | undefined)[]): string[] => [...new Set(values.filter((v): v is string => !!v))];

/**
 * `dev` is the dev server's: Vite injects styles as `<style>` elements and talks to its
 * client over a WebSocket; a build needs neither.
 */
export function contentSecurityPolicy(settings: AddinSettings, mode: 'build' | 'dev'): string {
  const { runtimeConfig } = settings;
  const entra = runtimeConfig.auth.mode === 'entra' ? [originOf(runtimeConfig.auth.authority), ENTRA_DISCOVERY] : [];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', defined(["'self'", originOf(settings.officeJsUrl)])],
    ['style-src', mode === 'dev' ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    // office.js sets style attributes on the elements it adds (its hidden frames); style
    // elements and style sheets stay 'self' only.
    ['style-src-attr', ["'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    [
      'connect-src',
      defined(["'self'", originOf(runtimeConfig.apiBase), ...entra, ...(mode === 'dev' ? ['ws:', 'wss:'] : [])]),
    ],
    ['frame-src', defined(["'self'", OFFICE_JS_TELEMETRY_FRAME, ...entra])],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'self'", ...OFFICE_FRAME_ANCESTORS]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

export function paneSecurityHeaders(settings: AddinSettings, mode: 'build' | 'dev'): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(settings, mode),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
}

export const STATIC_WEB_APP_CONFIG_FILE = 'staticwebapp.config.json';

/**
 * Azure Static Web Apps' configuration for dist/pane/: the headers on every file it serves, and
 * JSON (samlad-config.json) served as JSON.
 */
export function staticWebAppConfig(settings: AddinSettings): {
  globalHeaders: Record<string, string>;
  mimeTypes: Record<string, string>;
} {
  return { globalHeaders: paneSecurityHeaders(settings, 'build'), mimeTypes: { '.json': 'application/json' } };
}
