/**
 * infra/ sets exactly the application settings the code reads for a deployment — every one of
 * them, no more — and the values it sets are ones the app's configuration accepts in production.
 *
 * Which settings the code reads is not taken on trust from a list: the configuration is loaded
 * from an environment that records every name looked up, for each way storage can be given.
 * Only functions/config.ts may read process.env, so nothing else can read a setting unseen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { appSettings, loadConfig, registrationSettings } from '../../functions/config';
import { repoRoot } from '../support/node-process';

/** Read by the Functions host itself (Application Insights, the body limit), not by Samlad's code. */
const HOST_ONLY = [
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'APPLICATIONINSIGHTS_AUTHENTICATION_STRING',
  'FUNCTIONS_REQUEST_BODY_SIZE_LIMIT',
];

/** The `var appSettings = { … }` object of infra/app/function-app.bicep, as name → Bicep expression. */
function infraAppSettings(): Map<string, string> {
  const bicep = readFileSync(path.join(repoRoot, 'infra/app/function-app.bicep'), 'utf8');
  const start = bicep.indexOf('var appSettings = {');
  expect(start).toBeGreaterThan(0);
  const body = bicep.slice(start, bicep.indexOf('\n}\n', start));
  const settings = new Map<string, string>();
  for (const line of body.split('\n').slice(1)) {
    const match = /^\s+([A-Za-z_][A-Za-z0-9_]*):\s*(.+?)\s*$/.exec(line);
    if (match) settings.set(match[1]!, match[2]!);
  }
  // And the site takes them all.
  expect(bicep).toMatch(/appSettings: \[for setting in items\(appSettings\)/);
  return settings;
}

/** Every name the configuration looks up while loading from `env` (found or not). */
function namesRead(env: NodeJS.ProcessEnv): Set<string> {
  const read = new Set<string>();
  const recording = new Proxy(env, {
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return target[name as string];
    },
    has(target, name) {
      if (typeof name === 'string') read.add(name);
      return name in target;
    },
  });
  try {
    loadConfig(recording);
  } catch {
    // A refused configuration still shows which names it looked at.
  }
  registrationSettings(recording);
  return read;
}

const identity = {
  AzureWebJobsStorage__blobServiceUri: 'https://samladprod.blob.core.windows.net/',
  AzureWebJobsStorage__queueServiceUri: 'https://samladprod.queue.core.windows.net/',
  AzureWebJobsStorage__tableServiceUri: 'https://samladprod.table.core.windows.net/',
  AzureWebJobsStorage__credential: 'managedidentity',
  AzureWebJobsStorage__clientId: '0b4d1b7e-8d2f-4a8e-9a53-6b1f3c2d4e5f',
};

describe('application settings: infra/ against functions/config.ts', () => {
  const infra = infraAppSettings();

  it('sets exactly the settings config.ts marks as deployed, besides the host’s own', () => {
    const samlad = [...infra.keys()].filter((name) => !HOST_ONLY.includes(name)).sort();
    expect(samlad).toEqual([...appSettings.deployed].sort());
    for (const name of HOST_ONLY) expect(infra.has(name)).toBe(true);
  });

  it('accounts for every setting the configuration reads, deployed or not', () => {
    const read = new Set<string>();
    for (const env of [
      {},
      { SAMLAD_ENV: 'production', ...identity },
      { AzureWebJobsStorage__accountName: 'samladprod' },
      { AzureWebJobsStorage__serviceUri: 'https://samladprod.blob.core.windows.net' },
      { STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' },
      { SAMLAD_ENV: 'production', AzureWebJobsStorage: 'UseDevelopmentStorage=true', AUTH_MODE: 'entra' },
    ])
      for (const name of namesRead(env)) read.add(name);
    const known = [...appSettings.deployed, ...Object.keys(appSettings.notDeployed)].sort();
    expect([...read].sort()).toEqual(known);
  });

  it('sets values the configuration accepts in production', () => {
    const literal = (expression: string) => /^'([^']*)'$/.exec(expression)?.[1];
    const env: NodeJS.ProcessEnv = {};
    for (const [name, expression] of infra) {
      if (HOST_ONLY.includes(name)) continue;
      // Expressions are known only at deployment; stand in a value of the right kind.
      env[name] =
        literal(expression) ??
        (name.endsWith('ServiceUri')
          ? `https://samladprod.${/__(\w+)ServiceUri/.exec(name)![1]}.core.windows.net/`
          : name === 'ENTRA_TENANT_ID' || name === 'ENTRA_AUDIENCE'
            ? '0b4d1b7e-8d2f-4a8e-9a53-6b1f3c2d4e5f'
            : /^string\(\w+\)$/.test(expression)
              ? '60'
              : undefined);
      expect([name, env[name]]).toEqual([name, expect.any(String)]);
    }
    const config = loadConfig(env);
    expect(config).toMatchObject({
      environment: 'production',
      auth: { mode: 'entra' },
      storage: { form: 'identity', access: { credential: 'managedidentity' } },
    });
  });

  it('keeps every read of the environment in functions/config.ts', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && entry.name !== 'config.ts')
          if (/process\.env\b/.test(readFileSync(file, 'utf8'))) offenders.push(path.relative(repoRoot, file));
      }
    };
    walk(path.join(repoRoot, 'functions'));
    walk(path.join(repoRoot, 'shared'));
    expect(offenders).toEqual([]);
  });
});
