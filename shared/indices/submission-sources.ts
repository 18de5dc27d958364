import type { Registry } from '../config/registry';
import type { ForbundConfig } from '../model/forbund-schema';
import { parsePeriod } from '../model/period';
import { resolveTemplate, type ResolvedTemplate } from '../model/resolve';
import { findParty, findTemplate, findTemplateVersion } from '../model/selectors';
import type { CellValue } from '../model/cell-kind';
import type { CellId } from '../model/resolve';
import type { TemplateDefinition } from '../model/template-schema';
import { measuresOf, type CellMeasures } from './cell-measures';
import type { SubmissionRecord } from './consolidation-model';
import { mergeOwnedValues } from './owned-values';

/**
 * The submissions a report reads, looked up by template, period and scope, with the templates
 * they were made for. Remembers which versions it handed out, so the report can say exactly
 * which submissions (and hashes) it was built from.
 */
export interface SubmissionSources {
  /** The template valid for a year (newest version), resolved for the förbund. */
  template(templateId: string, year: number): ResolvedTemplate | undefined;
  /** The most recently updated submission for a template, period and scope. */
  latest(templateId: string, period: string, scope: string): SubmissionRecord | undefined;
  /** A scope's values as measures: the latest submission, or "not reported". */
  measures(templateId: string, period: string, scope: { id: string; name: string }): CellMeasures;
  /** A kommun's values merged across the parties that own its rows (strategic indicators). */
  mergedMeasures(templateId: string, period: string, scope: { id: string; name: string }): CellMeasures;
  /**
   * A scope's values, texts included: the latest submission's, or for a template whose rows
   * different parties own, merged across them. Undefined when nothing was submitted.
   */
  raw(templateId: string, period: string, scope: string): Readonly<Record<CellId, CellValue>> | undefined;
  /** Every submission handed out so far. */
  used(): SubmissionRecord[];
}

export function submissionSources(
  registry: Registry,
  forbund: ForbundConfig,
  records: readonly SubmissionRecord[],
): SubmissionSources {
  const resolved = new Map<string, ResolvedTemplate | undefined>();
  const used = new Map<string, SubmissionRecord>();

  const resolve = (definition: TemplateDefinition | undefined, year: number) => {
    if (!definition) return undefined;
    const key = `${definition.id}@${definition.version}:${year}`;
    if (!resolved.has(key)) resolved.set(key, resolveTemplate(definition, forbund, year));
    return resolved.get(key);
  };
  // Looked up once per template and year: a report asks for them for every scope and period.
  const templates = new Map<string, ResolvedTemplate | undefined>();
  const template = (templateId: string, year: number) => {
    const key = `${templateId}:${year}`;
    if (!templates.has(key))
      templates.set(
        key,
        resolve(forbund.templates.includes(templateId) ? findTemplate(registry, templateId, year) : undefined, year),
      );
    return templates.get(key);
  };
  // Indexed once: a report for a large förbund looks records up thousands of times.
  const byKey = new Map<string, SubmissionRecord[]>();
  for (const r of records) {
    const key = `${r.templateId}|${r.period}|${r.scope}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  for (const list of byKey.values())
    list.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id));
  const matching = (templateId: string, period: string, scope: string) =>
    byKey.get(`${templateId}|${period}|${scope}`) ?? [];
  const templateOf = (record: SubmissionRecord) =>
    resolve(
      findTemplateVersion(registry, record.templateId, record.templateVersion),
      parsePeriod(record.period)?.year ?? 0,
    );
  const what = (templateId: string, year: number, scopeName: string, period: string) =>
    `${template(templateId, year)?.definition.title ?? templateId}, ${scopeName}, ${period}`;

  const latest = (templateId: string, period: string, scope: string) => {
    const record = matching(templateId, period, scope)[0];
    if (record) used.set(record.id, record);
    return record;
  };

  const merged = (templateId: string, period: string, scope: string) => {
    const resolvedTemplate = template(templateId, parsePeriod(period)?.year ?? 0);
    const parts = matching(templateId, period, scope);
    if (!resolvedTemplate || parts.length === 0) return undefined;
    for (const part of parts) used.set(part.id, part);
    return mergeOwnedValues(
      resolvedTemplate,
      parts.map((p) => ({
        submitter: p.party === 'kansli' ? 'kansli' : (findParty(forbund, p.party)?.kind ?? 'kansli'),
        submittedAt: p.updatedAt,
        values: p.values,
      })),
    );
  };

  return {
    template,
    latest,
    measures(templateId, period, scope) {
      const year = parsePeriod(period)?.year ?? 0;
      const record = latest(templateId, period, scope.id);
      const resolvedTemplate = (record && templateOf(record)) ?? template(templateId, year);
      if (!resolvedTemplate) return new Map();
      return measuresOf(resolvedTemplate, record?.values, what(templateId, year, scope.name, period));
    },
    mergedMeasures(templateId, period, scope) {
      const year = parsePeriod(period)?.year ?? 0;
      const resolvedTemplate = template(templateId, year);
      if (!resolvedTemplate) return new Map();
      return measuresOf(
        resolvedTemplate,
        merged(templateId, period, scope.id),
        what(templateId, year, scope.name, period),
      );
    },
    raw(templateId, period, scope) {
      const resolvedTemplate = template(templateId, parsePeriod(period)?.year ?? 0);
      return resolvedTemplate?.cells.some((c) => c.owner !== undefined)
        ? merged(templateId, period, scope)
        : latest(templateId, period, scope)?.values;
    },
    used: () => [...used.values()],
  };
}
