import { registry } from '../../shared/config/registry';
import { templateDefinitionSchema } from '../../shared/model/template-schema';
import { resolveTemplate } from '../../shared/model/resolve';
import { findForbund, findTemplate } from '../../shared/model/selectors';
import { consistentFill, integerNullSpace, seededRng } from './consistent-fill';

const umearegionen = findForbund(registry, 'umearegionen')!;
const deltagare = resolveTemplate(findTemplate(registry, 'deltagare-avslut', 2023)!, umearegionen, 2023);

describe('integerNullSpace', () => {
  it('gives integer moves that keep t = a + b and u = t − c', () => {
    // columns: t, u, a, b, c
    const basis = integerNullSpace(
      [
        [1, 0, -1, -1, 0],
        [-1, 1, 0, 0, 1],
      ],
      5,
    );
    expect(basis).toEqual([
      [1, 1, 1, 0, 0],
      [1, 1, 0, 1, 0],
      [0, -1, 0, 0, 1],
    ]);
  });
});

describe('consistentFill', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(consistentFill(deltagare, seededRng(7))).toEqual(consistentFill(deltagare, seededRng(7)));
    expect(consistentFill(deltagare, seededRng(7))).not.toEqual(consistentFill(deltagare, seededRng(8)));
  });

  it('fills every cell, in template order, with counts that are whole and not negative', () => {
    const fill = consistentFill(deltagare, seededRng(1));
    expect(Object.keys(fill)).toEqual(deltagare.cells.map((c) => c.id));
    expect(Object.values(fill).every((v) => Number.isInteger(v) && (v as number) >= 0)).toBe(true);
  });

  it('may leave optional cells that no rule names empty, never required ones', () => {
    const initiativ = resolveTemplate(findTemplate(registry, 'samverkansinitiativ', 2024)!, umearegionen, 2024);
    const fill = consistentFill(initiativ, seededRng(3), { omitOptional: 1 });
    expect(Object.keys(fill)).toEqual(initiativ.cells.filter((c) => c.required).map((c) => c.id));
  });

  it('refuses a sum rule with a constant rather than produce a wrong fill', () => {
    const definition = templateDefinitionSchema.parse({
      ...findTemplate(registry, 'arbsam', 2025)!,
      rules: [
        {
          id: 'x',
          check: 'sum',
          severity: 'fel',
          target: 'forum.behov.antal',
          terms: ['forum.soc.antal'],
          constant: 2,
          description: 'Test',
        },
      ],
    });
    const template = resolveTemplate(definition, findForbund(registry, 'skelleftea-norsjo')!, 2025);
    expect(() => consistentFill(template, seededRng(1))).toThrow(/constant/);
  });
});
