import { aktualiseradeUmea2023, tabell1Arbetsmarknadstorgen2023 } from '../../tests/fixtures/seeds/seed-004-tabell-1';
import { registry } from '../config/registry';
import { resolveTemplate } from '../model/resolve';
import { findForbund, findTemplate } from '../model/selectors';
import { primaryFindings } from './findings';
import { renderFinding } from './messages-sv';
import { validateSubmission } from './validate';

const forbund = findForbund(registry, 'umearegionen')!;
const template = resolveTemplate(findTemplate(registry, 'deltagare-avslut', 2023)!, forbund, 2023);
/** Seed 004, Tabell 1: Arbetsmarknadstorgen 2023, every rule holds. */
const complete = { ...tabell1Arbetsmarknadstorgen2023, ...aktualiseradeUmea2023 };

/** Cell → its short address, for the expectations below. */
const SHORT = (cell: string) => cell.split('!')[1];

describe('one wrong total gives one error; what it breaks is a consequence of it', () => {
  it.each<[string, Record<string, number>, string[], [string, string][]]>([
    // The case: D7 one too high; D17 (kvar = deltagare − avslutade) reads D7 and holds once D7 does.
    ['antal deltagare totalt 773 instead of 772', { 'deltagare.antal.tot': 773 }, ['D7'], [['D17', 'D7']]],
    // A wrong avslutade total breaks its own parts rule and kvar's: kvar reads it.
    [
      'avslutade totalt 235',
      { 'deltagare.avslutade.tot': 235 },
      ['D9'],
      [
        ['D9', 'D9'],
        ['D17', 'D9'],
      ],
    ],
    // Positiv lösning totalt breaks its parts rule, and avslutade = positiv + hälsoskäl + avbrott reads it.
    [
      'positiv totalt 145',
      { 'deltagare.positiv.tot': 145 },
      ['D10'],
      [
        ['D9', 'D10'],
        ['D10', 'D10'],
      ],
    ],
    // A wrong kvar total is wrong twice (against its parts and against deltagare − avslutade): one error.
    ['kvar totalt 540', { 'deltagare.kvar.tot': 540 }, ['D17'], [['D17', 'D17']]],
    // Independent errors stay apart. A wrong part (arbete, män: C11) is not a total: the two sums that
    // read it (arbete totalt D11 and positiv lösning, män C10) each say so.
    [
      'antal totalt and arbete män both wrong',
      { 'deltagare.antal.tot': 773, 'deltagare.arbete.m': 29 },
      ['D7', 'C10', 'D11'],
      [['D17', 'D7']],
    ],
  ])('%s', (_name, wrong, errors, consequences) => {
    const { findings } = validateSubmission(template, { ...complete, ...wrong });
    expect(primaryFindings(findings).map((f) => SHORT(f.cell))).toEqual(expect.arrayContaining(errors));
    expect(primaryFindings(findings)).toHaveLength(errors.length);
    const following = findings.filter((f) => f.causedBy !== undefined);
    expect(following.map((f) => [SHORT(f.cell), f.params.cause])).toEqual(consequences);
  });

  it('says which cell to fix, in Swedish', () => {
    const { findings } = validateSubmission(template, { ...complete, 'deltagare.antal.tot': 773 });
    const consequence = findings.find((f) => f.causedBy === 'deltagare.antal.tot')!;
    expect(consequence.severity).toBe('fel');
    expect(renderFinding(consequence)).toBe(
      "Följdfel i 'Deltagare och avslut'!D17 (Antal kvar i verksamheten, Totalt): Kvar ska vara deltagare − " +
        'avslutade. Angivet värde är 538, men D7 − D9 blir 539 (skillnad −1). Beror på felet i D7 och försvinner ' +
        'när det är rättat.',
    );
  });

  it('keeps a rule that fails on its own, even when it reads a wrong cell', () => {
    // Antal 9 + 15 stated as 25 (seed 000's slip) and every other row as published: kvar fails by hundreds,
    // not because of D7's one too many.
    const { findings } = validateSubmission(template, {
      ...complete,
      'deltagare.antal.k': 9,
      'deltagare.antal.m': 15,
      'deltagare.antal.tot': 25,
    });
    expect(findings.find((f) => SHORT(f.cell) === 'D17')?.causedBy).toBeUndefined();
  });
});
