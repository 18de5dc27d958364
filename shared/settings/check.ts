import type { z } from 'zod';
import { formulaProblem } from '../indices/formulas';
import { AREA_WEIGHT_TOLERANCE, forbundSchema } from '../model/forbund-schema';
import { documentYear, yearSettings, type SettingsDocument } from './document';
import type { SettingsFindingCode, SettingsFindingParams } from './findings';
import type { SheetContext } from './sheet';
import { targetFigures } from './target-figures';

/**
 * A problem found in a settings document, by where it lies in the document: `path` as the sheets'
 * `locate` takes it (`['year', …]` for the year's settings), and `indices` when it concerns
 * several rows of one array (an area's indicator weights).
 */
export interface PathFinding {
  code: SettingsFindingCode;
  severity: 'fel' | 'varning';
  path: readonly PropertyKey[];
  indices?: readonly number[];
  params: SettingsFindingParams;
}

const sv = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

/** Document paths with `['years', '<year>']` written `['year']`, as sheets locate them. */
export function sheetPath(path: readonly PropertyKey[]): PropertyKey[] {
  return path[0] === 'years' ? ['year', ...path.slice(2)] : [...path];
}

/** Paths whose schema refinements this module checks itself, naming cells: zod's own message there is left out. */
const CHECKED_HERE = [
  ['parties'],
  ['platforms', '#'],
  ['platformGroups', '#'],
  ['year', 'socialBudget', 'indicators'],
  ['year'],
];

function coveredHere(path: readonly PropertyKey[]): boolean {
  return CHECKED_HERE.some(
    (pattern) =>
      pattern.length === path.length &&
      pattern.every((p, i) => p === path[i] || (p === '#' && typeof path[i] === 'number')),
  );
}

/** zod's issues as findings: types and formats by kind, the schema's own Swedish messages as they are. */
function schemaFindings(document: SettingsDocument): PathFinding[] {
  const parsed = forbundSchema.safeParse(document, { reportInput: true });
  if (parsed.success) return [];
  return parsed.error.issues.flatMap((issue: z.core.$ZodIssue): PathFinding[] => {
    const path = sheetPath(issue.path);
    const at = (code: SettingsFindingCode, params: SettingsFindingParams = {}): PathFinding[] => [
      { code, severity: 'fel', path, params },
    ];
    switch (issue.code) {
      case 'invalid_type':
        if (issue.input === undefined || (typeof issue.input === 'number' && Number.isNaN(issue.input)))
          return at('required');
        if (issue.expected === 'number') return at('not-a-number', { value: String(issue.input) });
        if (issue.expected === 'string' || issue.expected === 'boolean')
          return at('invalid-text', { value: String(issue.input), reason: 'Värdet har fel typ' });
        return at('invalid', { message: `Värdet har fel form (${JSON.stringify(issue.input) ?? 'inget'})` });
      case 'too_small':
        return issue.origin === 'array' || issue.origin === 'string'
          ? at('required')
          : at('below-min', { value: String(issue.input), min: Number(issue.minimum) });
      case 'too_big':
        return at('above-max', { value: String(issue.input), max: Number(issue.maximum) });
      case 'invalid_format':
        return at('invalid-text', { value: String(issue.input), reason: issue.message });
      case 'invalid_value':
        return at('not-a-choice', { value: String(issue.input), choices: issue.values.map(String).join(', ') });
      case 'custom':
        return coveredHere(path) ? [] : at('rule', { message: issue.message });
      default:
        return at('invalid', { message: issue.message });
    }
  });
}

function duplicates<T extends { id: string }>(items: readonly T[] | undefined, path: PropertyKey[]): PathFinding[] {
  const first = new Map<string, number>();
  const findings: PathFinding[] = [];
  (items ?? []).forEach((item, i) => {
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, i);
    else
      findings.push({
        code: 'duplicate-id',
        severity: 'fel',
        path: [...path, i, 'id'],
        params: { id: item.id, first: `rad ${seen + 1} i tabellen` },
      });
  });
  return findings;
}

function partyFindings(document: SettingsDocument): PathFinding[] {
  const findings: PathFinding[] = [];
  const shares = yearSettings(document).populationShares;
  document.parties.forEach((p, i) => {
    if (p.kind === 'kommun' && !p.kommunkod)
      findings.push({
        code: 'kommun-without-kommunkod',
        severity: 'fel',
        path: ['parties', i, 'kommunkod'],
        params: { name: p.name },
      });
    if (p.kind !== 'kommun' && shares?.[p.id] !== undefined)
      findings.push({
        code: 'share-not-kommun',
        severity: 'fel',
        path: ['year', 'populationShares', p.id],
        params: { name: p.name },
      });
    if (p.kind === 'kommun' && shares && shares[p.id] === undefined)
      findings.push({
        code: 'share-missing',
        severity: 'fel',
        path: ['year', 'populationShares', p.id],
        params: { name: p.name },
      });
  });
  if (shares) {
    const total = Object.values(shares).reduce((a, b) => a + b, 0);
    if (Math.abs(total - 100) > 0.5)
      findings.push({
        code: 'shares-total',
        severity: 'fel',
        path: ['year', 'populationShares'],
        params: { total: sv.format(total) },
      });
  }
  const partyIds = new Set(document.parties.map((p) => p.id));
  document.platforms.forEach((platform, i) => {
    for (const id of platform.reportedBy)
      if (!partyIds.has(id))
        findings.push({ code: 'unknown-party', severity: 'fel', path: ['platforms', i, 'reportedBy'], params: { id } });
  });
  const platformIds = new Set(document.platforms.map((p) => p.id));
  document.platformGroups.forEach((group, i) => {
    for (const id of group.platforms)
      if (!platformIds.has(id))
        findings.push({
          code: 'unknown-platform',
          severity: 'fel',
          path: ['platformGroups', i, 'platforms'],
          params: { id },
        });
  });
  return [
    ...findings,
    ...duplicates(document.parties, ['parties']),
    ...duplicates(document.platforms, ['platforms']),
    ...duplicates(document.platformGroups, ['platformGroups']),
  ];
}

function templateFindings(document: SettingsDocument, context: SheetContext): PathFinding[] {
  if (document.templates.length === 0)
    return [{ code: 'no-templates', severity: 'fel', path: ['templates'], params: {} }];
  // A template the förbund keeps that has no version this year is no error: it is simply not collected this year.
  return document.templates.flatMap((id, i): PathFinding[] => {
    const known = context.templates.filter((t) => t.id === id);
    if (known.length === 0)
      return [{ code: 'unknown-template', severity: 'fel', path: ['templates', i], params: { id } }];
    if (known.every((t) => t.forbund !== undefined && !t.forbund.includes(document.id)))
      return [{ code: 'template-other-forbund', severity: 'fel', path: ['templates', i], params: { id } }];
    return [];
  });
}

function targetFindings(document: SettingsDocument, context: SheetContext): PathFinding[] {
  const known = new Set(targetFigures(document, context).map((f) => f.key));
  return Object.keys(yearSettings(document).targets ?? {}).flatMap((key): PathFinding[] =>
    known.has(key)
      ? []
      : [{ code: 'unknown-figure', severity: 'fel', path: ['year', 'targets', key], params: { key } }],
  );
}

function socialBudgetFindings(document: SettingsDocument): PathFinding[] {
  const budget = yearSettings(document).socialBudget;
  if (!budget) return [];
  const findings: PathFinding[] = [];
  const path = ['year', 'socialBudget', 'indicators'];
  const indicators = budget.indicators ?? [];
  const areas = budget.areas ?? [];
  const kommuner = document.parties.filter((p) => p.kind === 'kommun').map((p) => p.id);
  indicators.forEach((indicator, i) => {
    if (!areas.some((a) => a.id === indicator.area))
      findings.push({
        code: 'unknown-area',
        severity: 'fel',
        path: [...path, i, 'area'],
        params: { id: indicator.area },
      });
    if (indicator.source !== 'input' && typeof indicator.source?.formula === 'string') {
      const detail = formulaProblem(indicator.source.formula, kommuner);
      if (detail)
        findings.push({ code: 'unknown-formula', severity: 'fel', path: [...path, i, 'source'], params: { detail } });
    }
  });
  for (const area of areas) {
    const own = indicators
      .map((indicator, i) => ({ indicator, i }))
      .filter(({ indicator }) => indicator.area === area.id);
    if (typeof area.points !== 'number' || own.some(({ indicator }) => typeof indicator.weight !== 'number')) continue;
    const sum = own.reduce((acc, { indicator }) => acc + indicator.weight, 0);
    const low = area.points * (1 - AREA_WEIGHT_TOLERANCE);
    const high = area.points * (1 + AREA_WEIGHT_TOLERANCE);
    if (sum < low - 1e-9 || sum > high + 1e-9)
      findings.push({
        code: 'weights-off',
        severity: 'fel',
        path: [...path],
        indices: own.map(({ i }) => i),
        params: {
          area: area.name,
          sum: sv.format(sum),
          points: sv.format(area.points),
          low: sv.format(low),
          high: sv.format(high),
        },
      });
  }
  return [...findings, ...duplicates(areas, ['year', 'socialBudget', 'areas']), ...duplicates(indicators, path)];
}

/**
 * Everything wrong with a settings document, by path: the schema's types and formats, and the
 * rules a year's settings live by — each kommun with a kommunkod and a share, shares adding to
 * 100 %, ids used once, platforms reported by known parties, templates that exist for the year,
 * targets for known figures, and a social budget whose weights add up per area (±5 %) and whose
 * formulas Samlad can compute.
 */
export function checkDocument(document: SettingsDocument, context: SheetContext): PathFinding[] {
  if (documentYear(document) !== context.year) throw new RangeError('the document is for another year');
  const schema = schemaFindings(document);
  // Where the document's very shape is wrong (a list that is not a list), the rules cannot be read.
  if (schema.some((f) => f.code === 'invalid')) return schema;
  try {
    return [
      ...partyFindings(document),
      ...templateFindings(document, context),
      ...targetFindings(document, context),
      ...socialBudgetFindings(document),
      ...schema,
    ];
  } catch (error) {
    // A list the rules walk is missing (a JSON document without its parties): the schema's findings name it.
    if (schema.length === 0) throw error;
    return schema;
  }
}
