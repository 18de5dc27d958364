/**
 * What azd deploys (scripts/package-app.ts, after the build): the Function App folder holds the
 * entry points package.json "main" names and everything they require at run time — runtime
 * dependencies only, no devDependency, test or script — and the pane folder holds the built pane.
 */
import { builtinModules } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packageApp } from '../../scripts/package-app';
import { expandMainGlob } from '../../scripts/local-host/main-glob';
import { repoRoot } from '../support/node-process';

let out: string;
let folders: { api: string; pane: string };
beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'samlad-package-'));
  folders = packageApp(repoRoot, out, { install: false });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('packageApp', () => {
  it('writes a package.json with "main" and the runtime dependencies only', () => {
    const root = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const deployed = JSON.parse(readFileSync(path.join(folders.api, 'package.json'), 'utf8'));
    expect(deployed).toEqual({
      name: root.name,
      version: root.version,
      main: root.main,
      engines: root.engines,
      dependencies: root.dependencies,
      private: true,
    });
  });

  it('holds the entry points "main" names, and nothing of tests, scripts or the pane', () => {
    const main = JSON.parse(readFileSync(path.join(folders.api, 'package.json'), 'utf8')).main;
    const entries = expandMainGlob(folders.api, main);
    expect(entries.length).toBeGreaterThan(10);
    const all = files(folders.api);
    expect(all.filter((f) => /\.test\.js$|^dist\/(scripts|tests|pane|manifest)\//.test(f))).toEqual([]);
    expect(all).toEqual(expect.arrayContaining(['host.json', 'package-lock.json', 'dist/package.json']));
  });

  it('requires nothing at run time but Node, the runtime dependencies and its own files', () => {
    const dependencies = Object.keys(
      JSON.parse(readFileSync(path.join(folders.api, 'package.json'), 'utf8')).dependencies,
    );
    const allowed = new Set([...dependencies, ...builtinModules, '@azure/functions-core']);
    const outside: string[] = [];
    for (const file of files(folders.api).filter((f) => f.endsWith('.js'))) {
      const source = readFileSync(path.join(folders.api, file), 'utf8');
      for (const [, specifier] of source.matchAll(/require\(["']([^"']+)["']\)/g)) {
        if (specifier!.startsWith('.')) {
          const target = path.resolve(path.dirname(path.join(folders.api, file)), specifier!);
          if (!target.startsWith(path.join(folders.api, 'dist'))) outside.push(`${file} → ${specifier}`);
          continue;
        }
        const name = specifier!
          .replace(/^node:/, '')
          .split('/')
          .slice(0, specifier!.startsWith('@') ? 2 : 1)
          .join('/');
        if (!allowed.has(name)) outside.push(`${file} → ${specifier}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('lays out the pane for Static Web Apps', () => {
    const site = files(path.join(folders.pane, 'site'));
    expect(site).toEqual(expect.arrayContaining(['index.html', 'staticwebapp.config.json']));
    expect(JSON.parse(readFileSync(path.join(folders.pane, 'package.json'), 'utf8'))).toEqual({
      name: 'samlad-pane',
      private: true,
    });
  });
});
