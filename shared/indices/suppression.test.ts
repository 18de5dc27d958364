import { suppressSmallCounts } from './suppression';

const run = (values: Record<string, number | null>, relations: string[][], limit = 4) => {
  const result = suppressSmallCounts(
    new Map(Object.entries(values)),
    relations.map((cells) => ({ cells })),
    limit,
  );
  return { primary: [...result.primary].sort(), secondary: [...result.secondary].sort() };
};

describe('small-count suppression', () => {
  it.each([
    [
      'hides counts 1..limit, not 0 and not above',
      { a: 0, b: 1, c: 4, d: 5 },
      [],
      { primary: ['b', 'c'], secondary: [] },
    ],
    [
      'hides the smallest other cell of a sum that would reveal one (tot = k + m)',
      { tot: 43, k: 3, m: 40 },
      [['tot', 'k', 'm']],
      { primary: ['k'], secondary: ['m'] },
    ],
    [
      'needs nothing more when two cells of the sum are already hidden',
      { tot: 5, k: 2, m: 3 },
      [['tot', 'k', 'm']],
      { primary: ['k', 'm'], secondary: [] },
    ],
    [
      'prefers a non-zero cell over a 0, which protects nothing',
      { tot: 3, k: 3, m: 0 },
      [['tot', 'k', 'm']],
      { primary: ['k', 'tot'], secondary: [] },
    ],
    ['takes a 0 when nothing else is left', { x: 2, y: 0 }, [['x', 'y']], { primary: ['x'], secondary: ['y'] }],
    [
      'follows the chain across relations (a platform and its group) until every sum is closed',
      { p1_k: 2, p1_m: 30, p1_tot: 32, p2_k: 5, p2_m: 20, p2_tot: 25, grp_k: 7, grp_m: 50, grp_tot: 57 },
      [
        ['p1_tot', 'p1_k', 'p1_m'],
        ['p2_tot', 'p2_k', 'p2_m'],
        ['grp_tot', 'grp_k', 'grp_m'],
        ['grp_k', 'p1_k', 'p2_k'],
        ['grp_m', 'p1_m', 'p2_m'],
        ['grp_tot', 'p1_tot', 'p2_tot'],
      ],
      { primary: ['p1_k'], secondary: ['p1_m', 'p2_k', 'p2_m'] },
    ],
    [
      'leaves a sum with a missing cell alone: it cannot be solved anyway',
      { tot: null, k: 2, m: 40 },
      [['tot', 'k', 'm']],
      { primary: ['k'], secondary: [] },
    ],
  ])('%s', (_name, values, relations, expected) => {
    expect(run(values, relations)).toEqual(expected);
  });

  it('leaves no relation with exactly one hidden cell', () => {
    const values = { a: 1, b: 9, c: 10, d: 3, e: 7, f: 10, g: 20 };
    const relations = [
      ['c', 'a', 'b'],
      ['f', 'd', 'e'],
      ['g', 'c', 'f'],
    ];
    const { primary, secondary } = run(values, relations);
    const hidden = new Set([...primary, ...secondary]);
    for (const r of relations) expect(r.filter((c) => hidden.has(c)).length).not.toBe(1);
  });
});
