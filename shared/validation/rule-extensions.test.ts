import { checkSocialBudget, forbundSchema, type ForbundConfigInput } from '../model/forbund-schema';
import { resolveTemplate } from '../model/resolve';
import { templateDefinitionSchema, type TemplateDefinitionInput } from '../model/template-schema';
import { renderFinding } from './messages-sv';
import { expandRule } from './rules';
import { validateSubmission } from './validate';

// A förbund with three budget lines in one group, enough to exercise rows drawn from configuration.
const forbund = forbundSchema.parse({
  id: 'testforbund',
  name: 'Testförbundet',
  shortName: 'Test',
  parties: [{ id: 'umea', name: 'Umeå kommun', kind: 'kommun', kommunkod: '2480', fundingMember: true }],
  platforms: [],
  templates: ['test'],
  years: {
    '2023': {
      budget: [
        { id: 'a', label: 'Rad A', group: 'kansli', budget: -2010 },
        { id: 'b', label: 'Rad B', group: 'kansli', budget: -300 },
        { id: 'c', label: 'Rad C', group: 'kansli', budget: -65 },
      ],
    },
  },
} satisfies ForbundConfigInput);

const definition: TemplateDefinitionInput = {
  id: 'test',
  version: 1,
  years: { from: 2023, to: 2023 },
  title: 'Test',
  sheetName: 'Test',
  help: 'Test',
  period: { kind: 'year', cumulative: false },
  scope: 'forbund',
  submitters: [],
  sections: [
    {
      id: 'kansli',
      title: 'Kansli',
      cell: { kind: 'amount' },
      columns: [{ id: 'utfall', label: 'Utfall' }],
      rows: [{ id: 'summa', label: 'Summa' }],
      required: false,
      rowSource: { source: 'budget-lines', group: 'kansli' },
      sourcedRows: 'first',
    },
    {
      id: 'andelar',
      title: 'Andelar',
      cell: { kind: 'percent' },
      required: false,
      columns: [{ id: 'varde', label: 'Värde' }],
      rows: [
        { id: 'x', label: 'X' },
        { id: 'y', label: 'Y' },
      ],
    },
  ],
  rules: [
    {
      id: 'summa',
      check: 'sum',
      severity: 'varning',
      target: 'kansli.summa.utfall',
      terms: ['kansli.+.utfall'],
      tolerancePerTerm: 0.5,
      description: 'Summa ska vara summan av raderna',
    },
    {
      id: 'hogst_100',
      check: 'lte',
      severity: 'fel',
      target: 'andelar.x.varde',
      terms: ['-andelar.y.varde'],
      constant: 100,
      description: 'Andelarna kan tillsammans inte vara mer än 100 %',
    },
  ],
};
const template = resolveTemplate(templateDefinitionSchema.parse(definition), forbund, 2023);

describe('rows drawn from configuration', () => {
  it('go before the section’s own rows when sourcedRows is first, with the budget as help', () => {
    const rows = template.sections[0]!.rows;
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c', 'summa']);
    expect(rows[0]!.help).toBe('Budget: \u22122\u00a0010 tkr');
  });

  it('are summed by a `+` term, every row but the target’s', () => {
    const [instance] = expandRule(template.definition.rules[0]!, template);
    expect(instance!.terms.map((t) => t.cellId)).toEqual(['kansli.a.utfall', 'kansli.b.utfall', 'kansli.c.utfall']);
  });

  it('allow half a unit of rounding per line before warning', () => {
    const lines = { 'kansli.a.utfall': -1977, 'kansli.b.utfall': -181, 'kansli.c.utfall': -50 };
    expect(validateSubmission(template, { ...lines, 'kansli.summa.utfall': -2207 }).findings).toEqual([]);
    const off = validateSubmission(template, { ...lines, 'kansli.summa.utfall': -2210 }).findings;
    expect(off).toEqual([
      expect.objectContaining({
        rule: 'summa',
        severity: 'varning',
        cellId: 'kansli.summa.utfall',
        params: expect.objectContaining({ difference: -2 }),
      }),
    ]);
  });
});

describe('a rule with a constant', () => {
  it('holds at the bound and names the constant in the message when broken', () => {
    expect(validateSubmission(template, { 'andelar.x.varde': 40, 'andelar.y.varde': 60 }).findings).toEqual([]);
    const [finding] = validateSubmission(template, { 'andelar.x.varde': 50, 'andelar.y.varde': 60 }).findings;
    expect(renderFinding(finding!)).toBe(
      'Fel i Test!B14 (X, Värde): Andelarna kan tillsammans inte vara mer än 100 %. 50 är större än 100 − B15 = 40.',
    );
  });
});

describe('checkSocialBudget', () => {
  const areas = [
    { id: 'a', name: 'Jämlik samverkan', points: 50 },
    { id: 'b', name: 'Deltagarnöjdhet', points: 25 },
  ];
  const indicator = (id: string, area: string, weight: number) => ({ id, area, weight });

  it('accepts weights within ±5 % of each area’s points', () => {
    expect(
      checkSocialBudget({
        areas,
        indicators: [
          indicator('x', 'a', 10),
          indicator('y', 'a', 10),
          indicator('z', 'a', 10),
          indicator('w', 'a', 10),
          indicator('v', 'a', 7.5),
          indicator('u', 'b', 10),
          indicator('t', 'b', 10),
          indicator('s', 'b', 6),
        ],
      }),
    ).toEqual([]);
  });

  it('names the area and the sums when weights deviate more', () => {
    expect(
      checkSocialBudget({
        areas,
        indicators: [
          indicator('x', 'a', 10),
          indicator('y', 'a', 10),
          indicator('z', 'a', 10),
          indicator('w', 'a', 10),
          indicator('u', 'b', 10),
          indicator('t', 'b', 10),
          indicator('s', 'b', 5),
        ],
      }),
    ).toEqual([
      'Indikatorernas vikter i målområdet Jämlik samverkan summerar till 40, men ska vara 50 ± 5 % (47,5–52,5)',
    ]);
  });

  it('refuses an indicator in an unknown area and an id used twice', () => {
    expect(
      checkSocialBudget({
        areas: [areas[1]!],
        indicators: [indicator('x', 'b', 10), indicator('x', 'b', 10), indicator('z', 'b', 5), indicator('y', 'q', 5)],
      }),
    ).toEqual(['Indikatorn x finns två gånger', 'Indikatorn y hör till okänt målområde q']);
  });
});
