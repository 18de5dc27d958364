import { coerceCellInput, type CellValue, type CoerceProblem } from '../model/cell-kind';
import { PARTY_KIND_LABEL, type Owner, type PartyKind } from '../model/ids';
import { layoutTemplate, sheetAddress, type TemplateLayout } from '../model/layout';
import type { CellId, ResolvedCell, ResolvedTemplate } from '../model/resolve';
import type { Rule } from '../model/template-schema';
import type { Finding, FindingCode, FindingParams } from './findings';
import { findConsequences, type FailedRule } from './consequences';
import { implausibleCells, referenceLabel, type PlausibilityReference } from './plausibility';
import { evaluateRule, expandRule, type RuleInstance } from './rules';

/** What a workbook reader saw in a cell that its value alone cannot show (see the workbook adapter). */
export interface CellReadIssue {
  cellId: CellId;
  code: 'formula-without-result' | 'error-value';
  params: FindingParams;
}

export interface ValidationContext {
  /** Who submits; limits which owned rows they may fill and must fill. Kansliet may fill every row. */
  submitter?: PartyKind | 'kansli';
  /** Cells whose raw value hides a problem; each becomes a *fel* in place of other findings for the cell. */
  cellIssues?: readonly CellReadIssue[];
  /**
   * The same scope's earlier figures (last year, last period), for the template's plausibility
   * check; a count far from them is a *varning* (plausibility.ts).
   */
  references?: readonly PlausibilityReference[];
}

export interface ValidationResult {
  /** Typed values for every cell of the template; `null` is missing. */
  values: Record<CellId, CellValue>;
  findings: Finding[];
}

interface Prepared {
  layout: TemplateLayout;
  rules: RuleInstance[];
}

// Templates are immutable once resolved, so their layout and expanded rules are worth keeping.
const prepared = new WeakMap<ResolvedTemplate, Prepared>();

function prepare(template: ResolvedTemplate): Prepared {
  let p = prepared.get(template);
  if (!p) {
    p = { layout: layoutTemplate(template), rules: template.definition.rules.flatMap((r) => expandRule(r, template)) };
    prepared.set(template, p);
  }
  return p;
}

const OWNER_LABEL = { ...PARTY_KIND_LABEL, scb: 'SCB (via kansliet)' } satisfies Record<Owner, string>;

const FINDING_OF_CHECK = {
  sum: 'sum-mismatch',
  lte: 'exceeds-whole',
  ratio: 'ratio-mismatch',
} as const satisfies Record<Rule['check'], FindingCode>;

/** "B7 + C7", "100 − B7 − C7", "B7 / C7 × 100": how a rule's finding names its terms. */
function ruleTerms(instance: RuleInstance, short: (id: CellId) => string): string {
  const { rule } = instance;
  if (rule.check === 'ratio')
    return `${instance.terms.map((t) => short(t.cellId)).join(' / ')}${rule.factor === 1 ? '' : ` × ${rule.factor}`}`;
  const constant = rule.constant;
  return (
    (constant === undefined ? '' : String(constant)) +
    instance.terms
      .map((t, i) => {
        const sign = i === 0 && constant === undefined ? (t.sign < 0 ? '−' : '') : t.sign < 0 ? ' − ' : ' + ';
        return `${sign}${short(t.cellId)}`;
      })
      .join('')
  );
}

function mayFill(cell: ResolvedCell, context: ValidationContext): boolean {
  if (!cell.owner || context.submitter === undefined || context.submitter === 'kansli') return true;
  return cell.owner.includes(context.submitter);
}

function problemParams(problem: CoerceProblem): FindingParams {
  const { code: _code, ...rest } = problem;
  const params: FindingParams = {};
  for (const [key, value] of Object.entries(rest)) params[key] = Array.isArray(value) ? value.join(', ') : value;
  return params;
}

/**
 * Checks what a party entered against its template: every value is coerced to its cell kind,
 * required cells must be present (empty is missing, never 0), and the template's rules must
 * hold. Returns typed values and findings as data; `renderFinding` turns them into Swedish.
 * The same function runs in the add-in and in the functions.
 */
export function validateSubmission(
  template: ResolvedTemplate,
  raw: Readonly<Record<string, unknown>>,
  context: ValidationContext = {},
): ValidationResult {
  const { layout, rules } = prepare(template);
  const addressOf = (id: CellId): string => {
    const pos = layout.positions.get(id);
    return pos ? sheetAddress(layout.sheetName, pos.a1) : id;
  };
  const finding = (
    cell: ResolvedCell,
    code: Finding['code'],
    severity: Finding['severity'],
    params: FindingParams,
    rule?: string,
  ): Finding => ({
    code,
    severity,
    cell: addressOf(cell.id),
    cellId: cell.id,
    element: cell.rowLabel,
    column: cell.columnLabel,
    ...(rule ? { rule } : {}),
    params,
  });

  const findings: Finding[] = [];
  for (const key of Object.keys(raw)) {
    if (!template.cellById.has(key)) {
      findings.push({
        code: 'unknown-cell',
        severity: 'fel',
        cell: key,
        cellId: key,
        element: key,
        column: '',
        params: { key },
      });
    }
  }

  const values: Record<CellId, CellValue> = {};
  const typed = new Map<CellId, CellValue>();
  const issues = new Map((context.cellIssues ?? []).map((i) => [i.cellId, i]));
  for (const cell of template.cells) {
    const issue = issues.get(cell.id);
    if (issue) {
      findings.push(finding(cell, issue.code, 'fel', issue.params));
      values[cell.id] = null;
      continue;
    }
    const result = coerceCellInput(raw[cell.id], cell.spec);
    const value = result.ok ? result.value : null;
    if (!mayFill(cell, context)) {
      if (value !== null || !result.ok)
        findings.push(
          finding(cell, 'not-owner', 'fel', { owner: (cell.owner ?? []).map((o) => OWNER_LABEL[o]).join(' eller ') }),
        );
      values[cell.id] = null;
      continue;
    }
    if (!result.ok) findings.push(finding(cell, result.problem.code, 'fel', problemParams(result.problem)));
    else if (value === null && cell.required)
      findings.push(
        finding(cell, 'required', 'fel', {
          kind: cell.spec.kind,
          ...(cell.spec.min !== undefined ? { min: cell.spec.min } : {}),
        }),
      );
    values[cell.id] = value;
    typed.set(cell.id, value);
  }

  const position = (id: CellId): number => {
    const pos = layout.positions.get(id);
    return pos ? pos.row * 1000 + pos.column : Number.MAX_SAFE_INTEGER;
  };
  const failed: FailedRule[] = [];
  for (const instance of rules) {
    const outcome = evaluateRule(instance, typed);
    if (outcome.status === 'failed') failed.push({ instance, outcome });
  }
  // In sheet order, so a total's own rule is judged before the rules that read the total.
  failed.sort((a, b) => position(a.instance.target) - position(b.instance.target));
  const causes = findConsequences(failed, typed);
  const short = (id: CellId) => addressOf(id).split('!')[1] ?? id;
  for (const failure of failed) {
    const { instance, outcome } = failure;
    const target = template.cellById.get(instance.target);
    if (!target) continue;
    const cause = causes.get(failure);
    findings.push({
      ...finding(
        target,
        FINDING_OF_CHECK[instance.rule.check],
        instance.rule.severity,
        {
          description: instance.rule.description,
          actual: outcome.actual,
          expected: outcome.expected,
          difference: outcome.difference,
          terms: ruleTerms(instance, short),
          ...(cause ? { cause: short(cause) } : {}),
        },
        instance.rule.id,
      ),
      ...(cause ? { causedBy: cause } : {}),
    });
  }

  const flagged = new Set(findings.map((f) => f.cellId));
  for (const far of implausibleCells(template, values, context.references ?? [])) {
    if (flagged.has(far.cell.id)) continue;
    const { relative } = far.comparison;
    findings.push(
      finding(far.cell, 'implausible-change', 'varning', {
        actual: far.now,
        before: far.before,
        reference: referenceLabel(template, far.reference),
        referencePeriod: far.reference.period,
        ...(Number.isFinite(relative) ? { change: Math.round(relative * 100) } : {}),
      }),
    );
  }
  findings.sort((a, b) => position(a.cellId) - position(b.cellId));
  return { values, findings };
}
