import fc from 'fast-check';
import { consistentFillArb, sumInstances } from '../../tests/support/consistent-fill';
import { registry } from '../config/registry';
import { resolveTemplate, type ResolvedTemplate } from '../model/resolve';
import { templatesForForbund } from '../model/selectors';
import { validateSubmission } from './validate';

/**
 * Every shipped template, resolved for every förbund and year it applies to. Years that resolve
 * to the same cells (a template without configured rows, or the same budget lines) are tested
 * once, which keeps the suite fast.
 */
function shippedTemplates(): [string, ResolvedTemplate][] {
  const out = new Map<string, [string, ResolvedTemplate]>();
  for (const forbund of registry.forbund) {
    for (let year = 2020; year <= 2030; year++) {
      for (const t of templatesForForbund(registry, forbund, year)) {
        const resolved = resolveTemplate(t, forbund, year);
        const shape = `${t.id}@${t.version} ${forbund.id} ${resolved.cells.map((c) => c.id).join(',')}`;
        if (!out.has(shape)) out.set(shape, [`${t.id}@${t.version} ${forbund.id} ${year}`, resolved]);
      }
    }
  }
  return [...out.values()];
}

const cases = shippedTemplates();
const NUM_RUNS = 100;
/** `'Deltagare och avslut'!D7` or `Ekonomi!C12`. */
const SHEET_ADDRESS = /^('([^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)![A-Z]{1,3}[1-9]\d*$/;

describe('consistent random fills', () => {
  it('cover every template the förbund collect', () => {
    const ids = new Set(cases.map(([, t]) => t.definition.id));
    for (const t of registry.templates) expect(ids).toContain(t.id);
  });

  it.each(cases)('%s: a consistent fill has no findings', (_name, template) => {
    fc.assert(
      fc.property(consistentFillArb(template, { omitOptional: 0.3 }), (fill) => {
        expect(validateSubmission(template, fill).findings).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('a single perturbation of a summed cell is caught', () => {
  const withSums = cases.filter(([, t]) => sumInstances(t).length > 0);

  it.each(withSums)('%s', (_name, template) => {
    const instances = sumInstances(template);
    const arb = fc.record({
      fill: consistentFillArb(template),
      instance: fc.integer({ min: 0, max: instances.length - 1 }),
      pick: fc.nat(),
      step: fc.integer({ min: 1, max: 5 }),
      up: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ fill, instance, pick, step, up }) => {
        const rule = instances[instance]!;
        const cells = [rule.target, ...rule.terms.map((t) => t.cellId)];
        const cellId = cells[pick % cells.length]!;
        const before = fill[cellId] as number;
        // A step beyond the rule's tolerance (rounding rules allow 0.5 per term); downwards only
        // while the cell's kind allows it (a count stays ≥ 0).
        const tolerance = rule.rule.tolerance + rule.rule.tolerancePerTerm * rule.terms.length;
        const delta = Math.floor(tolerance) + step;
        const spec = template.cellById.get(cellId)!.spec;
        const floor = spec.min ?? (spec.kind === 'count' || spec.kind === 'percent' ? 0 : -Infinity);
        const after = up || before - delta < floor ? before + delta : before - delta;
        fc.pre(spec.max === undefined || after <= spec.max);
        fc.pre(spec.kind !== 'percent' || after <= 100);

        const { findings } = validateSubmission(template, { ...fill, [cellId]: after });
        const hit = findings.find((f) => f.cellId === cellId || (cellId !== rule.target && f.cellId === rule.target));
        expect(hit).toBeDefined();
        expect(hit!.cell).toMatch(SHEET_ADDRESS);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
