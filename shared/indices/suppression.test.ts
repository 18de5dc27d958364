import fc from 'fast-check';
import { maximize, type LinearConstraint } from './linear-program';
import { deducibleIntervals, sumRelation, suppressSmallCounts, type LinearRelation } from './suppression';

const LIMIT = 4;
const run = (values: Record<string, number | null>, relations: LinearRelation[], limit = LIMIT) => {
  const result = suppressSmallCounts(new Map(Object.entries(values)), relations, limit);
  return { primary: [...result.primary].sort(), secondary: [...result.secondary].sort() };
};
/** `a` + `b` + … ≤ `whole` */
const atMost = (parts: string[], whole: string): LinearRelation => ({
  terms: [...parts.map((cell) => ({ cell, coefficient: 1 })), { cell: whole, coefficient: -1 }],
  kind: 'le',
  constant: 0,
});

/**
 * The audit, written here apart from the module: one linear program per hidden count over all
 * hidden cells at once, every relation included.
 */
function narrowest(values: Map<string, number>, relations: LinearRelation[], hidden: Set<string>, limit: number) {
  const index = new Map([...hidden].map((c, i) => [c, i]));
  const constraints: LinearConstraint[] = relations.map((r) => {
    const coefficients = new Map<number, number>();
    let rhs = r.constant;
    for (const t of r.terms) {
      if (hidden.has(t.cell))
        coefficients.set(index.get(t.cell)!, (coefficients.get(index.get(t.cell)!) ?? 0) + t.coefficient);
      else rhs -= t.coefficient * values.get(t.cell)!;
    }
    return { coefficients, kind: r.kind, rhs };
  });
  let worst = Infinity;
  for (const [cell, j] of index) {
    const v = values.get(cell)!;
    if (v < 1 || v > limit) continue;
    const high = maximize(index.size, new Map([[j, 1]]), constraints);
    const low = maximize(index.size, new Map([[j, -1]]), constraints);
    const hi = high.status === 'optimal' ? Math.floor(high.value + 1e-7) : Infinity;
    const lo = low.status === 'optimal' ? Math.ceil(-low.value - 1e-7) : 0;
    worst = Math.min(worst, hi - lo);
  }
  return worst;
}

describe('small-count suppression', () => {
  it.each<[string, Record<string, number | null>, LinearRelation[], { primary: string[]; secondary: string[] }]>([
    [
      'hides counts 1..limit, not 0 and not above',
      { a: 0, b: 1, c: 4, d: 5 },
      [],
      { primary: ['b', 'c'], secondary: [] },
    ],
    [
      'hides the smallest other cell of a sum that would reveal one (tot = k + m)',
      { tot: 43, k: 3, m: 40 },
      [sumRelation('tot', ['k', 'm'])],
      { primary: ['k'], secondary: ['m'] },
    ],
    [
      'needs nothing more when the sum leaves the reader five or more possibilities',
      { tot: 5, k: 2, m: 3 },
      [sumRelation('tot', ['k', 'm'])],
      { primary: ['k', 'm'], secondary: [] },
    ],
    [
      'hides more when two hidden counts still pin each other down (tot 3: each is 0–3)',
      { tot: 8, k: 2, m: 1, x: 5 },
      [sumRelation('tot', ['k', 'm', 'x'])],
      { primary: ['k', 'm'], secondary: ['x'] },
    ],
    [
      'follows the chain across relations (a platform and its group)',
      { p1_k: 2, p1_m: 30, p1_tot: 32, p2_k: 5, p2_m: 20, p2_tot: 25, grp_k: 7, grp_m: 50, grp_tot: 57 },
      [
        sumRelation('p1_tot', ['p1_k', 'p1_m']),
        sumRelation('p2_tot', ['p2_k', 'p2_m']),
        sumRelation('grp_tot', ['grp_k', 'grp_m']),
        sumRelation('grp_k', ['p1_k', 'p2_k']),
        sumRelation('grp_m', ['p1_m', 'p2_m']),
        sumRelation('grp_tot', ['p1_tot', 'p2_tot']),
      ],
      { primary: ['p1_k'], secondary: ['p1_m', 'p2_k', 'p2_m'] },
    ],
    [
      'leaves a sum with a missing cell alone: nobody can solve it',
      { tot: null, k: 2, m: 40 },
      [sumRelation('tot', ['k', 'm'])],
      { primary: ['k'], secondary: [] },
    ],
  ])('%s', (_name, values, relations, expected) => {
    expect(run(values, relations)).toEqual(expected);
  });

  describe('through an inequality (issue 15: Ja + Nej ≤ Aktualiserade, a shown 0, the group totals)', () => {
    // Vuxentorget's Nej is 2; Ungdomstorget's is a shown 0, so the group's Nej is Vuxentorget's.
    const values = {
      u_akt: 6,
      u_ja: 6,
      u_nej: 0,
      v_akt: 12,
      v_ja: 9,
      v_nej: 2,
      g_akt: 18,
      g_ja: 15,
      g_nej: 2,
    };
    const relations = [
      atMost(['u_ja', 'u_nej'], 'u_akt'),
      atMost(['v_ja', 'v_nej'], 'v_akt'),
      atMost(['g_ja', 'g_nej'], 'g_akt'),
      sumRelation('g_akt', ['u_akt', 'v_akt']),
      sumRelation('g_ja', ['u_ja', 'v_ja']),
      sumRelation('g_nej', ['u_nej', 'v_nej']),
    ];
    const map = new Map(Object.entries(values));

    it('no single equation has one hidden cell, yet the inequality narrows Nej to 0–3', () => {
      const primaryOnly = new Set(['v_nej', 'g_nej']);
      expect(deducibleIntervals(map, relations, primaryOnly, ['v_nej']).get('v_nej')).toEqual({ low: 0, high: 3 });
    });

    it('hides enough that the reader is left with five or more possible counts', () => {
      const { primary, secondary } = suppressSmallCounts(map, relations, LIMIT);
      const hidden = new Set([...primary, ...secondary]);
      expect(narrowest(map, relations, hidden, LIMIT)).toBeGreaterThanOrEqual(LIMIT);
      expect(deducibleIntervals(map, relations, hidden, ['v_nej', 'g_nej'])).toEqual(
        new Map([
          ['v_nej', expect.objectContaining({ low: 0 })],
          ['g_nej', expect.objectContaining({ low: 0 })],
        ]),
      );
    });
  });

  it('protects every small count of random tables: two platforms and their group, sums and part ≤ whole', () => {
    const count = fc.integer({ min: 0, max: 12 });
    const platform = fc.record({ k: count, m: count, nk: count, nm: count });
    fc.assert(
      fc.property(platform, platform, (u, v) => {
        const values = new Map<string, number>();
        const put = (scope: string, p: { k: number; m: number; nk: number; nm: number }) => {
          const nk = Math.min(p.nk, p.k);
          const nm = Math.min(p.nm, p.m);
          Object.entries({ k: p.k, m: p.m, tot: p.k + p.m, nk, nm, ntot: nk + nm }).forEach(([c, x]) =>
            values.set(`${scope}_${c}`, x),
          );
        };
        put('u', u);
        put('v', v);
        for (const c of ['k', 'm', 'tot', 'nk', 'nm', 'ntot'])
          values.set(`g_${c}`, values.get(`u_${c}`)! + values.get(`v_${c}`)!);
        const relations = ['u', 'v', 'g'].flatMap((s) => [
          sumRelation(`${s}_tot`, [`${s}_k`, `${s}_m`]),
          sumRelation(`${s}_ntot`, [`${s}_nk`, `${s}_nm`]),
          atMost([`${s}_nk`], `${s}_k`),
          atMost([`${s}_nm`], `${s}_m`),
          atMost([`${s}_ntot`], `${s}_tot`),
        ]);
        for (const c of ['k', 'm', 'tot', 'nk', 'nm', 'ntot'])
          relations.push(sumRelation(`g_${c}`, [`u_${c}`, `v_${c}`]));
        const { primary, secondary } = suppressSmallCounts(values, relations, LIMIT);
        const hidden = new Set([...primary, ...secondary]);
        expect(narrowest(values, relations, hidden, LIMIT)).toBeGreaterThanOrEqual(LIMIT);
        // Deterministic: the same input hides the same cells.
        const again = suppressSmallCounts(values, relations, LIMIT);
        expect([...again.secondary]).toEqual([...secondary]);
      }),
      { numRuns: 150 },
    );
  });
});
