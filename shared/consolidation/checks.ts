import type { CellValue } from '../model/cell-kind';
import type { CellId, ResolvedTemplate } from '../model/resolve';
import type { Severity } from '../model/template-schema';
import { evaluateRule, expandRule, type RuleInstance } from '../validation/rules';
import { cellLabel, type CellMeasures } from '../indices/cell-measures';
import { isSum } from './report-scopes';
import { PERIOD_KEYS, type TemplateFigures } from './template-figures';

/** A consolidated figure that breaks a rule of its template: what the Kontroll sheet lists. */
export interface CheckRow {
  templateId: string;
  templateTitle: string;
  scope: string;
  period: string;
  ruleId: string;
  /** The rule's own Swedish description. */
  rule: string;
  severity: Severity;
  cell: CellId;
  /** "Arbetsförmedlingen (Totalt)" */
  cellLabel: string;
  actual: number;
  expected: number;
  /** actual − expected */
  difference: number;
  /** Whether the cell holds a count (whole people) or another number. */
  count: boolean;
}

const instancesCache = new WeakMap<ResolvedTemplate, RuleInstance[]>();

/** Every instance of the template's rules, expanded once per resolved template. */
export function ruleInstances(template: ResolvedTemplate): RuleInstance[] {
  let instances = instancesCache.get(template);
  if (!instances)
    instancesCache.set(template, (instances = template.definition.rules.flatMap((r) => expandRule(r, template))));
  return instances;
}

/** A scope's figures as the values rules are evaluated on. */
export function typedValues(numbers: CellMeasures): Map<CellId, CellValue> {
  return new Map([...numbers].map(([id, m]) => [id, m.value]));
}

/**
 * The figures of a consolidated template that break its rules, for every scope and period shown:
 * a submission accepted with a *varning* (seed 000's referring parties), or a sum that no longer
 * holds once its members are added up. A sum's rule is listed only where every member kept it,
 * so one submitted error is named once, at its source.
 */
export function templateChecks(figures: TemplateFigures): CheckRow[] {
  const { template, definition } = figures;
  const instances = ruleInstances(template);
  const rows: CheckRow[] = [];
  const failures = new Map<string, Set<RuleInstance>>();
  const failed = (scope: string, period: string) => failures.get(`${scope}|${period}`) ?? new Set<RuleInstance>();
  // Submitting scopes first, so a sum can tell whether its members already failed.
  const ordered = [...figures.scopes].sort((a, b) => Number(isSum(a.scope)) - Number(isSum(b.scope)));
  for (const { scope, periods } of ordered) {
    for (const key of PERIOD_KEYS) {
      const figuresAt = periods[key];
      if (!figuresAt?.reported) continue;
      const values = typedValues(figuresAt.numbers);
      const own = new Set<RuleInstance>();
      for (const instance of instances) {
        const outcome = evaluateRule(instance, values);
        if (outcome.status !== 'failed') continue;
        own.add(instance);
        if (isSum(scope) && scope.members.some((m) => failed(m.id, figuresAt.period).has(instance))) continue;
        rows.push({
          templateId: definition.id,
          templateTitle: definition.title,
          scope: scope.name,
          period: figuresAt.period,
          ruleId: instance.rule.id,
          rule: instance.rule.description,
          severity: instance.rule.severity,
          cell: instance.target,
          cellLabel: cellLabel(template, instance.target),
          actual: outcome.actual,
          expected: outcome.expected,
          difference: outcome.difference,
          count: template.cellById.get(instance.target)?.spec.kind === 'count',
        });
      }
      failures.set(`${scope.id}|${figuresAt.period}`, own);
    }
  }
  return rows;
}
