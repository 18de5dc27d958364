import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { registry } from '../../shared/config/registry';
import { ROOT } from './run-check';

/**
 * A förbund is data: product code names no förbund, platform, platform group or kommun of the
 * shipped configuration — only the configuration (shared/config/), its tests, the demo and the
 * tooling do. An id in a string literal or template text counts; one in a comment or JSDoc
 * example does not.
 */
const PRODUCT = ['shared', 'functions', 'addin/src'];
const EXEMPT = /\.test\.ts$|\/testing\/|^shared\/config\//;

function configuredIds(): Map<string, string> {
  const ids = new Map<string, string>();
  for (const f of registry.forbund) {
    ids.set(f.id, `förbund ${f.id}`);
    for (const p of f.platforms) ids.set(p.id, `plattform i ${f.id}`);
    for (const g of f.platformGroups) ids.set(g.id, `plattformsgrupp i ${f.id}`);
    for (const p of f.parties.filter((p) => p.kind === 'kommun')) ids.set(p.id, `kommun i ${f.id}`);
  }
  return ids;
}

/** Each string literal and template text of a TypeScript source, with its line. */
function stringTexts(file: string, source: string): { line: number; text: string }[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node))
      found.push({ line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** `file:line: 'id' (what it is)` for every configured id a source's strings name. */
function namedIds(file: string, source: string, ids: ReadonlyMap<string, string>): string[] {
  return stringTexts(file, source).flatMap(({ line, text }) =>
    text
      .split(/[^a-z0-9-]+/)
      .filter((word) => ids.has(word))
      .map((word) => `${file}:${line}: '${word}' (${ids.get(word)})`),
  );
}

function productFiles(): string[] {
  return PRODUCT.flatMap((dir) =>
    readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .map((f) => `${dir}/${f.split(path.sep).join('/')}`)
      .filter((f) => f.endsWith('.ts') && !EXEMPT.test(f)),
  );
}

describe('configured ids in product code', () => {
  const ids = configuredIds();

  it('knows the shipped förbund, platforms, groups and kommuner', () => {
    expect(ids.size).toBeGreaterThan(10);
  });

  it.each([
    ["const f = 'umearegionen';", ["x.ts:1: 'umearegionen' (förbund umearegionen)"]],
    ['const role = `Kansli.${x}.vuxentorget`;', ["x.ts:1: 'vuxentorget' (plattform i umearegionen)"]],
    ["// 'umearegionen' in a comment\n/** e.g. importScb(file, 'vannas') */\nconst f = 'umeå';", []],
  ])('finds a configured id in strings, not in comments: %s', (source, expected) => {
    expect(namedIds('x.ts', source, ids)).toEqual(expected);
  });

  it('no product module names one', () => {
    const files = productFiles();
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((f) => namedIds(f, readFileSync(path.join(ROOT, f), 'utf8'), ids))).toEqual([]);
  });
});
