/**
 * Generates the Office manifest for one environment from manifest/manifest.template.xml:
 *
 *   node dist/scripts/addin-build/build-manifest.js            # dev (https://localhost:3000)
 *   SAMLAD_ADDIN_ENV=production SAMLAD_ADDIN_BASE_URL=https://… node dist/scripts/addin-build/build-manifest.js
 *
 * writes dist/manifest/manifest.<environment>.xml. Every substituted value is XML-escaped,
 * and a placeholder left unfilled stops the build.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readAddinSettings, repoRootFrom, type AddinSettings } from './addin-settings';

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Office wants four numeric parts; package.json has three. */
export function manifestVersion(packageVersion: string): string {
  const parts = packageVersion
    .split(/[.+-]/)
    .slice(0, 3)
    .map((p) => String(Number.parseInt(p, 10) || 0));
  while (parts.length < 3) parts.push('0');
  return [...parts, '0'].join('.');
}

export function renderManifest(template: string, settings: AddinSettings, packageVersion: string): string {
  const values: Record<string, string> = {
    ID: settings.manifestId,
    VERSION: manifestVersion(packageVersion),
    DISPLAY_NAME: settings.displayName,
    BASE_URL: settings.baseUrl,
    ORIGIN: new URL(settings.baseUrl).origin,
    SUPPORT_URL: settings.supportUrl,
  };
  const xml = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`manifest template: unknown placeholder ${whole}`);
    return escapeXml(value);
  });
  return xml;
}

export function writeManifest(repoRoot: string, settings: AddinSettings): string {
  const template = readFileSync(path.join(repoRoot, 'manifest', 'manifest.template.xml'), 'utf8');
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const outDir = path.join(repoRoot, 'dist', 'manifest');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `manifest.${settings.environment}.xml`);
  writeFileSync(file, renderManifest(template, settings, pkg.version));
  return file;
}

if (require.main === module) {
  const repoRoot = repoRootFrom(__dirname);
  try {
    const file = writeManifest(repoRoot, readAddinSettings(process.env, repoRoot));
    console.log(`Manifest written: ${path.relative(repoRoot, file)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
