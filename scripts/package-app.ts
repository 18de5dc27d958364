/**
 * `node dist/scripts/package-app.js [--out DIR] [--no-install]` (after `npm run build`): the two
 * folders azd deploys (azure.yaml), so that what reaches Azure is exactly what runs there.
 *
 *   <out>/api/   the Function App: host.json, package.json (its "main", runtime dependencies
 *                only), dist/functions and dist/shared, and node_modules without devDependencies
 *   <out>/pane/  the task pane for Static Web Apps: site/ = dist/pane, whose staticwebapp.config.json
 *                the pane's build wrote (its CSP and headers, scripts/addin-build/security-headers.ts)
 *
 * Tests, scripts, the pane's sources and every devDependency stay behind. `--no-install` skips
 * `npm install` (tests check the layout without the network).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findAppRoot } from './local-stack/app-root';

interface PackageJson {
  name: string;
  version: string;
  main: string;
  engines?: Record<string, string>;
  dependencies: Record<string, string>;
}

export function packageApp(root: string, out: string, options: { install: boolean }): { api: string; pane: string } {
  const dist = path.join(root, 'dist');
  for (const needed of ['functions/index.js', 'pane/index.html', 'pane/staticwebapp.config.json', 'package.json'])
    if (!existsSync(path.join(dist, needed))) throw new Error(`dist/${needed} is missing: run "npm run build" first`);
  rmSync(out, { recursive: true, force: true });

  const api = path.join(out, 'api');
  mkdirSync(path.join(api, 'dist'), { recursive: true });
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson;
  const deployed: PackageJson = {
    name: pkg.name,
    version: pkg.version,
    main: pkg.main,
    ...(pkg.engines ? { engines: pkg.engines } : {}),
    dependencies: pkg.dependencies,
  };
  writeFileSync(path.join(api, 'package.json'), `${JSON.stringify({ ...deployed, private: true }, null, 2)}\n`);
  cpSync(path.join(root, 'package-lock.json'), path.join(api, 'package-lock.json'));
  cpSync(path.join(root, 'host.json'), path.join(api, 'host.json'));
  // app-info.ts reads the version from ../package.json, which tsc placed in dist/.
  cpSync(path.join(dist, 'package.json'), path.join(api, 'dist', 'package.json'));
  for (const folder of ['functions', 'shared'])
    cpSync(path.join(dist, folder), path.join(api, 'dist', folder), {
      recursive: true,
      filter: (source) => !source.endsWith('.map'),
    });
  if (options.install)
    execFileSync('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: api,
      stdio: 'inherit',
    });

  const pane = path.join(out, 'pane');
  cpSync(path.join(dist, 'pane'), path.join(pane, 'site'), { recursive: true });
  // azd builds a js service with npm: give it a package with nothing to build.
  writeFileSync(
    path.join(pane, 'package.json'),
    `${JSON.stringify({ name: 'samlad-pane', private: true }, null, 2)}\n`,
  );
  return { api, pane };
}

function main(): void {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, 'no-install': { type: 'boolean', default: false } },
  });
  const root = findAppRoot(__dirname);
  const out = path.resolve(root, values.out ?? '.deploy');
  const { api, pane } = packageApp(root, out, { install: !values['no-install'] });
  process.stdout.write(`Packaged the Function App in ${api} and the task pane in ${pane}\n`);
}

if (require.main === module) main();
