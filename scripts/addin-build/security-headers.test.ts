import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readAddinSettings, repoRootFrom } from './addin-settings';
import { contentSecurityPolicy, OFFICE_FRAME_ANCESTORS, staticWebAppConfig } from './security-headers';

const repoRoot = repoRootFrom(__dirname);
const production = readAddinSettings(
  {
    SAMLAD_ADDIN_ENV: 'production',
    SAMLAD_ADDIN_BASE_URL: 'https://samlad.example.se/pane/',
    SAMLAD_OFFICE_JS_URL: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
    SAMLAD_API_BASE: 'https://samlad-api.azurewebsites.net/api',
    SAMLAD_ENTRA_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
    SAMLAD_ENTRA_AUTHORITY: 'https://login.example-sovereign.cloud/tenant-guid',
    SAMLAD_API_SCOPES: 'api://samlad-api/Samlad.Access',
  },
  repoRoot,
);
const dev = readAddinSettings({}, repoRoot);

/** The CSP as a map of directive → sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('the task pane’s Content-Security-Policy', () => {
  const built = directives(contentSecurityPolicy(production, 'build'));

  it.each([
    ['script-src', ["'self'", 'https://appsforoffice.microsoft.com']],
    ['style-src', ["'self'"]],
    [
      'connect-src',
      [
        "'self'",
        'https://samlad-api.azurewebsites.net',
        'https://login.example-sovereign.cloud',
        'https://login.microsoftonline.com',
      ],
    ],
    ['object-src', ["'none'"]],
    ['frame-ancestors', ["'self'", ...OFFICE_FRAME_ANCESTORS]],
  ])('production build: %s allows exactly %j', (name, sources) => {
    expect(built.get(name)).toEqual(sources);
  });

  it('lets nothing inline or evaluated run as script, in production or in development', () => {
    for (const csp of [contentSecurityPolicy(production, 'build'), contentSecurityPolicy(dev, 'dev')]) {
      expect(directives(csp).get('script-src')).not.toEqual(expect.arrayContaining(["'unsafe-inline'"]));
      expect(csp).not.toContain('unsafe-eval');
    }
  });

  it('frames Entra ID only when the pane signs in there (silent token renewal)', () => {
    expect(built.get('frame-src')).toContain('https://login.example-sovereign.cloud');
    expect(directives(contentSecurityPolicy(dev, 'build')).get('frame-src')).not.toContain(
      'https://login.microsoftonline.com',
    );
  });

  it('lets the dev server inject styles and reach its own WebSocket, and only it', () => {
    expect(directives(contentSecurityPolicy(dev, 'dev')).get('connect-src')).toEqual(["'self'", 'ws:', 'wss:']);
    expect(directives(contentSecurityPolicy(dev, 'build')).get('connect-src')).toEqual(["'self'"]);
  });

  const builtFile = path.join(repoRoot, 'dist', 'pane', 'staticwebapp.config.json');
  (existsSync(builtFile) ? it : it.skip)('is in the built pane, for Static Web Apps (after npm run build)', () => {
    const config = JSON.parse(readFileSync(builtFile, 'utf8'));
    expect(config).toEqual(staticWebAppConfig(readAddinSettings(process.env, repoRoot)));
    expect(config.globalHeaders['X-Content-Type-Options']).toBe('nosniff');
  });
});
