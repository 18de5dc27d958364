import type { Rule } from '../model/template-schema';
import type { RuleInstance } from '../validation/rules';
import { ruleRelations } from './rule-relations';

const base = { id: 'r', severity: 'fel' as const, description: 'en regel', tolerance: 0, tolerancePerTerm: 0 };
const instance = (rule: Rule, target: string, terms: [string, 1 | -1][]): RuleInstance => ({
  rule,
  target,
  terms: terms.map(([cellId, sign]) => ({ cellId, sign })),
});
const key = (id: string) => `s|${id}`;

describe('ruleRelations', () => {
  it.each<[string, RuleInstance, Record<string, number>, ReturnType<typeof ruleRelations>]>([
    [
      'a sum is an equation: kvar = antal − avslutade',
      instance({ ...base, check: 'sum', target: 'x.kvar.k', terms: ['x.antal.k', '-x.avslutade.k'] }, 'kvar', [
        ['antal', 1],
        ['avslutade', -1],
      ]),
      {},
      [
        {
          terms: [
            { cell: 's|kvar', coefficient: 1 },
            { cell: 's|antal', coefficient: -1 },
            { cell: 's|avslutade', coefficient: 1 },
          ],
          kind: 'eq',
          constant: 0,
        },
      ],
    ],
    [
      'a part ≤ its whole, with the rule’s constant',
      instance({ ...base, check: 'lte', constant: 100, target: 'x.a.v', terms: ['-x.b.v'] }, 'a', [['b', -1]]),
      {},
      [
        {
          terms: [
            { cell: 's|a', coefficient: 1 },
            { cell: 's|b', coefficient: 1 },
          ],
          kind: 'le',
          constant: 100,
        },
      ],
    ],
    [
      'a sum with a tolerance per term is two inequalities (lines rounded to tkr)',
      instance({ ...base, check: 'sum', tolerancePerTerm: 0.5, target: 'x.t.v', terms: ['x.a.v', 'x.b.v'] }, 't', [
        ['a', 1],
        ['b', 1],
      ]),
      {},
      [
        {
          terms: [
            { cell: 's|t', coefficient: 1 },
            { cell: 's|a', coefficient: -1 },
            { cell: 's|b', coefficient: -1 },
          ],
          kind: 'le',
          constant: 1,
        },
        {
          terms: [
            { cell: 's|t', coefficient: -1 },
            { cell: 's|a', coefficient: 1 },
            { cell: 's|b', coefficient: 1 },
          ],
          kind: 'le',
          constant: 1,
        },
      ],
    ],
    [
      'a ratio with its denominator known: 250 × andel = 100 × summa',
      instance(
        { ...base, check: 'ratio', factor: 100, target: 'x.andel.v', terms: ['x.summa.v', 'x.bef.v'] },
        'andel',
        [
          ['summa', 1],
          ['bef', 1],
        ],
      ),
      { bef: 250 },
      [
        {
          terms: [
            { cell: 's|andel', coefficient: 250 },
            { cell: 's|summa', coefficient: -100 },
          ],
          kind: 'eq',
          constant: 0,
        },
      ],
    ],
    [
      'a ratio whose denominator is unknown gives nothing',
      instance(
        { ...base, check: 'ratio', factor: 100, target: 'x.andel.v', terms: ['x.summa.v', 'x.bef.v'] },
        'andel',
        [
          ['summa', 1],
          ['bef', 1],
        ],
      ),
      {},
      [],
    ],
  ])('%s', (_name, rule, values, expected) => {
    expect(ruleRelations(rule, key, (id) => values[id])).toEqual(expected);
  });
});
