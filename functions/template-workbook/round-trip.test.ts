import { isNumericKind, registry, validateSubmission, type Registry, type ResolvedTemplate } from '../../shared';
import { edgeCase, edgeRegistry } from '../../tests/fixtures/workbooks/edge-template';
import { consistentFill, seededRng, type Fill } from '../../tests/support/consistent-fill';
import { fillWorkbook } from '../../tests/support/fill-workbook';
import { templateCases, type TemplateCase } from '../../tests/support/template-cases';
import { generateTemplateWorkbook, parseTemplateWorkbook } from './index';

type Case = Omit<TemplateCase, 'scope'> & { scope: { id: string; name: string }; registry: Registry };

/** Every registry template, plus the synthetic one with choices, text and bounds no shipped template has yet. */
const cases: Case[] = [
  ...templateCases(2023).map((c) => ({ ...c, registry })),
  { name: 'kantfall (synthetic edge cases)', ...edgeCase(), registry: edgeRegistry },
];

/**
 * Sum and `lte` rules are linear and homogeneous, so a consistent fill times 1 000 is still
 * consistent where no cell has an upper bound; that puts Swedish digit grouping ("12 345") on
 * the way through.
 */
function scaled(template: ResolvedTemplate, fill: Fill): Fill {
  const unbounded = template.cells.every(
    (c) => !isNumericKind(c.spec.kind) || (c.spec.kind !== 'percent' && c.spec.max === undefined),
  );
  if (!unbounded) return fill;
  return Object.fromEntries(Object.entries(fill).map(([id, v]) => [id, typeof v === 'number' ? v * 1000 : v]));
}

describe('workbook round trip: generate → fill as a user → parse → validate', () => {
  it('covers every template the förbund collect', () => {
    const covered = new Set(cases.filter((c) => c.registry === registry).map((c) => c.template.definition.id));
    const collected = new Set(registry.forbund.flatMap((f) => f.templates));
    expect([...collected].filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const expected = {
      templateId: c.template.definition.id,
      version: c.template.definition.version,
      forbund: c.forbund.id,
      period: c.period.id,
      scope: c.scope.id,
    };
    const xlsx = await generateTemplateWorkbook({
      template: c.template,
      forbund: c.forbund,
      period: c.period,
      scope: c.scope,
    });

    // An empty template: every cell missing (null), never 0.
    const empty = await parseTemplateWorkbook(xlsx, expected, { registry: c.registry });
    if (!empty.ok) throw new Error(empty.error.message);
    expect(Object.keys(empty.raw).sort()).toEqual(c.template.cells.map((cell) => cell.id).sort());
    expect(Object.values(empty.raw).every((v) => v === null)).toBe(true);
    expect(Object.values(validateSubmission(empty.template, empty.raw).values).every((v) => v === null)).toBe(true);

    const rng = seededRng(1000 + i);
    const fill = scaled(c.template, consistentFill(c.template, rng, { omitOptional: 0.3 }));
    const filled = await fillWorkbook(xlsx, c.template, fill, rng);
    const parsed = await parseTemplateWorkbook(filled.buffer, expected, { registry: c.registry });
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.meta).toMatchObject({
      templateId: expected.templateId,
      templateVersion: expected.version,
      forbund: c.forbund.id,
      period: c.period.id,
      scope: c.scope.id,
    });
    expect(parsed.cellIssues).toEqual([]);

    const { values, findings } = validateSubmission(parsed.template, parsed.raw);
    expect(findings).toEqual([]);
    const expectedValues = Object.fromEntries(c.template.cells.map((cell) => [cell.id, fill[cell.id] ?? null]));
    expect(values).toEqual(expectedValues);
  });
});
