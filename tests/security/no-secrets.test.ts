/**
 * No secrets in the repository: credentials reach the app only through configuration
 * (application settings in Azure, a git-ignored local.settings.json locally). This scans every
 * tracked file for the shapes real credentials take. Two keys are public on purpose and
 * allowed: Azurite's well-known account key, and the dev token issuer's default signing key,
 * which SAMLAD_ENV=production refuses (functions/config.test.ts).
 *
 * Test fixtures may hold fake credentials that are too short to be real (an Azure Storage
 * account key is 64 bytes, 88 characters of base64), so the patterns ask for real lengths.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { azuriteAccountKey } from '../../functions/storage/connection-string';
import { repoRoot } from '../support/node-process';

interface SecretShape {
  name: string;
  pattern: RegExp;
  /** Files where the shape is expected and harmless. */
  allowedIn?: (file: string) => boolean;
}

// Built from parts so this file does not match its own patterns.
const PRIVATE_KEY = ['-----BEGIN', '(?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----'].join(' ');

const SHAPES: SecretShape[] = [
  {
    name: 'storage account key',
    pattern: new RegExp(`AccountKey=(?!${azuriteAccountKey.replace(/[+/=]/g, '\\$&')})[A-Za-z0-9+/]{80,}={0,2}`),
  },
  {
    name: 'bare 64-byte base64 key',
    pattern: new RegExp(`(?<![A-Za-z0-9+/])(?!${azuriteAccountKey.replace(/[+/=]/g, '\\$&')})[A-Za-z0-9+/]{86}==`),
    // npm's integrity hashes are sha512 in base64: the same shape, not a secret.
    allowedIn: (file) => path.basename(file) === 'package-lock.json',
  },
  { name: 'private key', pattern: new RegExp(PRIVATE_KEY) },
  { name: 'SAS signature', pattern: /[?&;]sig=[A-Za-z0-9%+/]{40,}/ },
  { name: 'Entra ID client secret', pattern: /[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}/ },
  { name: 'client secret setting', pattern: /client_?secret["']?\s*[:=]\s*["'][^"'\s]{16,}["']/i },
  { name: 'signed JWT', pattern: /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}/ },
  {
    name: 'GitHub or cloud token',
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36}|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{35}|xox[abprs]-[A-Za-z0-9-]{10,})\b/,
  },
];

/** Files that hold secrets by nature and must never be committed. */
const FORBIDDEN_FILES = /(^|\/)(local\.settings\.json|\.env(\.[^/]*)?|[^/]+\.(pem|pfx|p12|key))$/;

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter((f) => f !== '');
}

const files = trackedFiles();

it('the repository is a git checkout with files to scan', () => {
  expect(files.length).toBeGreaterThan(50);
});

it('holds no file that exists to carry secrets', () => {
  expect(files.filter((f) => FORBIDDEN_FILES.test(f))).toEqual([]);
});

it('holds no credential in any tracked text file', () => {
  const found: string[] = [];
  for (const file of files) {
    let content: Buffer;
    try {
      content = readFileSync(path.join(repoRoot, file));
    } catch {
      continue; // deleted in the working tree
    }
    if (content.includes(0)) continue; // binary (xlsx fixtures are zips)
    const text = content.toString('utf8');
    for (const shape of SHAPES) {
      if (shape.allowedIn?.(file)) continue;
      const match = shape.pattern.exec(text);
      if (match) found.push(`${file}: ${shape.name} (${match[0].slice(0, 12)}…)`);
    }
  }
  expect(found).toEqual([]);
});

it('catches the shapes it looks for (the patterns are not dead)', () => {
  const realLookingKey = 'A'.repeat(86) + '==';
  const samples: [string, string][] = [
    ['storage account key', `AccountName=prod;AccountKey=${realLookingKey};`],
    ['private key', `${PRIVATE_KEY.replace('(?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?', 'RSA ')}\nMIIE`],
    ['SAS signature', `?sv=2024-01-01&sig=${'a'.repeat(44)}`],
    ['Entra ID client secret', `abc8Q~${'x'.repeat(34)}`],
    ['signed JWT', `eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyMTIzNCJ9.${'s'.repeat(43)}`],
  ];
  for (const [name, sample] of samples) expect(SHAPES.find((s) => s.name === name)!.pattern.test(sample)).toBe(true);
  expect(SHAPES[0]!.pattern.test(`AccountKey=${azuriteAccountKey}`)).toBe(false);
  expect(SHAPES[1]!.pattern.test(azuriteAccountKey)).toBe(false);
});
