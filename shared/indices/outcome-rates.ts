import { measureAt, type CellMeasures } from './cell-measures';
import { difference, percentOf, type Measure } from './measure';

/**
 * Outcome rates of one platform or platform group, from the `deltagare-avslut` template's raw
 * counts (seed 004, Tabell 1 and Bilaga 2). Cell ids are that template's: `deltagare.<row>.<k|m|tot>`
 * and `aktualiserade.<row>.<referring party>`.
 */

export const GENDER_COLUMNS = ['k', 'm', 'tot'] as const;
export type GenderColumn = (typeof GENDER_COLUMNS)[number];

export const GENDER_LABEL = { k: 'Kvinnor', m: 'Män', tot: 'Totalt' } satisfies Record<GenderColumn, string>;

/** Rows of the participant table, in Tabell 1's order. */
export const PARTICIPANT_ROWS = [
  'antal',
  'nya',
  'avslutade',
  'positiv',
  'arbete',
  'studier',
  'vidare_af',
  'saknar_arbetsformaga',
  'halsoskal',
  'avbrott',
  'kvar',
] as const;
export type ParticipantRow = (typeof PARTICIPANT_ROWS)[number];

export const OUTCOME_RATE_IDS = [
  'andel_positiv',
  'andel_arbete',
  'andel_studier',
  'andel_vidare_af',
  'andel_saknar_arbetsformaga',
  'andel_halsoskal',
  'andel_avbrott',
  'genomstromning',
] as const;
export type OutcomeRateId = (typeof OUTCOME_RATE_IDS)[number];

export interface RateDefinition {
  label: string;
  numerator: ParticipantRow;
  denominator: ParticipantRow;
  /** The row of Tabell 1 that shows this rate in its % column. */
  shownOn: ParticipantRow;
}

const of = (
  numerator: ParticipantRow,
  denominator: ParticipantRow,
  label: string,
  shownOn: ParticipantRow = numerator,
): RateDefinition => ({ label, numerator, denominator, shownOn });

/** Each rate is numerator / denominator over raw counts (DOMAIN.md, "Derived figures"). */
export const OUTCOME_RATES = {
  andel_positiv: of('positiv', 'avslutade', 'Andel positiv lösning (av avslutade)'),
  andel_arbete: of('arbete', 'positiv', 'Andel till arbete (av positiva)'),
  andel_studier: of('studier', 'positiv', 'Andel till studier (av positiva)'),
  andel_vidare_af: of('vidare_af', 'positiv', 'Andel vidare till Arbetsförmedlingen (av positiva)'),
  andel_saknar_arbetsformaga: of('saknar_arbetsformaga', 'positiv', 'Andel där arbetsförmåga saknas (av positiva)'),
  andel_halsoskal: of('halsoskal', 'avslutade', 'Andel avslutade av hälsoskäl'),
  andel_avbrott: of('avbrott', 'avslutade', 'Andel avbrott'),
  genomstromning: of('avslutade', 'antal', 'Genomströmning (avslutade av deltagare)', 'avslutade'),
} satisfies Record<OutcomeRateId, RateDefinition>;

const ROW_LABEL = {
  antal: 'antal deltagare',
  nya: 'nya deltagare',
  avslutade: 'antal avslutade',
  positiv: 'antal med positiv lösning',
  arbete: 'antal till arbete',
  studier: 'antal till studier',
  vidare_af: 'antal vidare till Arbetsförmedlingen',
  saknar_arbetsformaga: 'antal där arbetsförmåga saknas',
  halsoskal: 'antal avslutade av hälsoskäl',
  avbrott: 'antal avbrott',
  kvar: 'antal kvar',
} satisfies Record<ParticipantRow, string>;

export function participantCell(row: ParticipantRow, column: GenderColumn): string {
  return `deltagare.${row}.${column}`;
}

export function participantCount(table: CellMeasures, row: ParticipantRow, column: GenderColumn = 'tot'): Measure {
  return measureAt(table, participantCell(row, column), `${ROW_LABEL[row]} (${GENDER_LABEL[column]})`);
}

/** One rate for one gender column. */
export function outcomeRate(table: CellMeasures, rate: OutcomeRateId, column: GenderColumn = 'tot'): Measure {
  const def = OUTCOME_RATES[rate];
  return percentOf(
    participantCount(table, def.numerator, column),
    participantCount(table, def.denominator, column),
    `${ROW_LABEL[def.denominator]} (${GENDER_LABEL[column]})`,
  );
}

export type RateTable = Record<OutcomeRateId, Record<GenderColumn, Measure>>;

/**
 * Every outcome rate for women, men and in total.
 *
 * @example
 * outcomeRates(tabell1).andel_positiv.tot // { value: 61.5… } (144 / 234, seed 004: 62 %)
 */
export function outcomeRates(table: CellMeasures): RateTable {
  const entries = OUTCOME_RATE_IDS.map(
    (rate) =>
      [
        rate,
        { k: outcomeRate(table, rate, 'k'), m: outcomeRate(table, rate, 'm'), tot: outcomeRate(table, rate, 'tot') },
      ] as const,
  );
  return Object.fromEntries(entries) as RateTable;
}

/**
 * Women's rate minus men's, in percentage points (jämlik samverkan: outcomes should not favour
 * a gender). The sign is kept; Impactindex targets compare its absolute value.
 */
export function genderGap(table: CellMeasures, rate: OutcomeRateId): Measure {
  return difference(outcomeRate(table, rate, 'k'), outcomeRate(table, rate, 'm'));
}

/** Share of women among the row's count, in percent (the gender split of each figure). */
export function womenShare(table: CellMeasures, row: ParticipantRow): Measure {
  return percentOf(participantCount(table, row, 'k'), participantCount(table, row, 'tot'), ROW_LABEL[row]);
}

/** The referring parties of the `aktualiserade` section (seed 004, Bilaga 2), and its total. */
export const REFERRING_PARTIES = ['af', 'fk', 'soc', 'ovr_kommun', 'region', 'kriminalvarden', 'tot'] as const;
export type ReferringParty = (typeof REFERRING_PARTIES)[number];

export const REFERRING_PARTY_LABEL = {
  af: 'Arbetsförmedlingen',
  fk: 'Försäkringskassan',
  soc: 'Socialtjänsten',
  ovr_kommun: 'Övriga kommunala verksamheter',
  region: 'Regionen',
  kriminalvarden: 'Kriminalvården',
  tot: 'Totalt',
} satisfies Record<ReferringParty, string>;

export function isReferringParty(id: string): id is ReferringParty {
  return (REFERRING_PARTIES as readonly string[]).includes(id);
}

export const REFERRAL_ROWS = ['aktualiserade', 'ja', 'nej'] as const;
export type ReferralRow = (typeof REFERRAL_ROWS)[number];

export function referralCount(table: CellMeasures, row: ReferralRow, party: ReferringParty): Measure {
  return measureAt(
    table,
    `aktualiserade.${row}.${party}`,
    `${row === 'aktualiserade' ? 'aktualiserade' : row === 'ja' ? 'Ja till samverkan' : 'Nej till samverkan'} ` +
      `(${REFERRING_PARTY_LABEL[party]})`,
  );
}

/** Andel Ja till samverkan = ja / aktualiserade, per referring party (target ≥ 80 %). */
export function yesShare(table: CellMeasures, party: ReferringParty): Measure {
  return percentOf(
    referralCount(table, 'ja', party),
    referralCount(table, 'aktualiserade', party),
    `aktualiserade av ${REFERRING_PARTY_LABEL[party]}`,
  );
}
