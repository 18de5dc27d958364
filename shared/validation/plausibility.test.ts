import { platforms2022, platforms2023 } from '../../tests/fixtures/seeds/seed-004-platforms';
import { tabell1Arbetsmarknadstorgen2023 } from '../../tests/fixtures/seeds/seed-004-tabell-1';
import { registry } from '../config/registry';
import { templateDefinitionSchema } from '../model/template-schema';
import { resolveTemplate } from '../model/resolve';
import { findForbund, findTemplate } from '../model/selectors';
import { renderFinding } from './messages-sv';
import { compareCounts, referencePeriods, type PlausibilityReference } from './plausibility';
import { validateSubmission } from './validate';

const settings = { z: 3, minRelativeChange: 0.5 };

describe('compareCounts: a Poisson count on the square-root scale, and a material change', () => {
  it.each<[string, number, number, boolean]>([
    // Small counts move a lot by chance: not news.
    ['2 → 5 (a small kommun)', 5, 2, false],
    ['5 → 2', 2, 5, false],
    ['0 → 6', 6, 0, false],
    ['3 → 0 (Bjurholm-sized)', 0, 3, false],
    // Seed 004: 2022 → 2023 for Arbetsmarknadstorgen as published, ordinary change.
    ['antal deltagare 705 → 772', 772, 705, false],
    ['nya 293 → 335', 335, 293, false],
    ['avslutade 271 → 234', 234, 271, false],
    // Samordningsteamen grew by 40 % (illustrative 2022 split): significant, but not a slip.
    ['Samordningsteamen deltagare 115 → 161', 161, 115, false],
    ['Vuxentorget hälsoskäl 52 → 41', 41, 52, false],
    // Slips and real breaks: far on both measures.
    ['200 → 20', 20, 200, true],
    ['772 keyed as 77', 77, 772, true],
    ['772 keyed as 7720', 7720, 772, true],
    ['0 → 12', 12, 0, true],
    // Significant but under half: a large platform's growth is not flagged (overdispersion).
    ['2 000 → 2 600 (+30 %)', 2600, 2000, false],
  ])('%s', (_name, now, before, flagged) => {
    expect(compareCounts(now, before, settings).flagged).toBe(flagged);
  });

  it('in a cumulative year, only a fall from the previous tertial counts', () => {
    // T2 (jan–aug) → T3 (jan–dec): the year so far grows.
    expect(compareCounts(772, 300, settings, true).flagged).toBe(false);
    expect(compareCounts(39, 398, settings, true).flagged).toBe(true);
  });

  it('says how far in standard errors: 200 → 20 is about 13.6 below', () => {
    expect(compareCounts(20, 200, settings).z).toBeCloseTo(-13.6, 1);
    expect(compareCounts(5, 2, settings).z).toBeCloseTo(1.1, 1);
  });
});

const umearegionen = findForbund(registry, 'umearegionen')!;
const definition = findTemplate(registry, 'deltagare-avslut', 2023)!;
const template = resolveTemplate(definition, umearegionen, 2023);

describe('the plausibility varning in validateSubmission', () => {
  it('compares a tertial with the same tertial last year and the tertial before', () => {
    expect(referencePeriods(definition, '2023T3')).toEqual([
      { kind: 'last-year', period: '2022T3' },
      { kind: 'previous-period', period: '2023T2' },
    ]);
    expect(referencePeriods(definition, '2023T1')).toEqual([{ kind: 'last-year', period: '2022T1' }]);
  });

  const lastYear: PlausibilityReference = {
    kind: 'last-year',
    period: '2022T3',
    values: platforms2022.ungdomstorget,
  };

  it("finds nothing in Ungdomstorget's 2023 against its 2022", () => {
    const { findings } = validateSubmission(template, platforms2023.ungdomstorget, { references: [lastYear] });
    expect(findings).toEqual([]);
  });

  it('flags a slip as a varning that names both figures and the period', () => {
    const slipped = { ...platforms2023.ungdomstorget, 'deltagare.avslutade.m': 3, 'deltagare.avslutade.tot': 29 };
    // Keep the rules whole so that only plausibility speaks: positiv + hälsoskäl + avbrott = avslutade.
    const consistent = {
      ...slipped,
      'deltagare.positiv.m': 1,
      'deltagare.arbete.m': 1,
      'deltagare.studier.m': 0,
      'deltagare.vidare_af.m': 0,
      'deltagare.saknar_arbetsformaga.m': 0,
      'deltagare.halsoskal.m': 1,
      'deltagare.avbrott.m': 1,
      'deltagare.positiv.tot': 20,
      'deltagare.arbete.tot': 5,
      'deltagare.studier.tot': 3,
      'deltagare.vidare_af.tot': 6,
      'deltagare.saknar_arbetsformaga.tot': 6,
      'deltagare.halsoskal.tot': 6,
      'deltagare.avbrott.tot': 3,
      'deltagare.kvar.m': 102,
      'deltagare.kvar.tot': 171,
    };
    const { findings } = validateSubmission(template, consistent, { references: [lastYear] });
    expect(findings.every((f) => f.severity === 'varning' && f.code === 'implausible-change')).toBe(true);
    const avslutade = findings.find((f) => f.cellId === 'deltagare.avslutade.m')!;
    expect(renderFinding(avslutade)).toBe(
      "Varning i 'Deltagare och avslut'!C9 (Totalt antal avslutade, Män): 3 är långt från Tertial 3 2022 " +
        '(jan–dec), då det var 44 (−93 %). Kontrollera värdet, eller förklara ändringen i en kommentar.',
    );
  });

  it('leaves a missing earlier figure alone (missing is not 0), and a cell that has an error', () => {
    const { findings } = validateSubmission(
      template,
      { ...tabell1Arbetsmarknadstorgen2023, 'deltagare.antal.tot': 7720 },
      { references: [{ kind: 'last-year', period: '2022T3', values: { 'deltagare.antal.tot': 705 } }] },
    );
    expect(findings.filter((f) => f.code === 'implausible-change')).toEqual([]);
    expect(findings.find((f) => f.cellId === 'deltagare.antal.tot')?.code).toBe('sum-mismatch');
  });

  it('is configuration: a template without it compares nothing, and an unknown section is refused', () => {
    const without = resolveTemplate({ ...definition, plausibility: undefined }, umearegionen, 2023);
    expect(
      validateSubmission(
        without,
        { ...platforms2023.ungdomstorget, 'deltagare.antal.k': 950 },
        { references: [lastYear] },
      ).findings.filter((f) => f.code === 'implausible-change'),
    ).toEqual([]);
    const parsed = templateDefinitionSchema.safeParse({ ...definition, plausibility: { sections: ['finns_inte'] } });
    expect(parsed.success).toBe(false);
  });
});
