import type ExcelJS from 'exceljs';
import { isRateHidden, isYesShareHidden } from '../../../shared/indices/consolidate-participants';
import type { Consolidation, ParticipantScope } from '../../../shared/indices/consolidation-model';
import { HEADLINE_RATE_LABEL } from '../../../shared/indices/headline';
import { difference } from '../../../shared/indices/measure';
import {
  GENDER_COLUMNS,
  genderGap,
  OUTCOME_RATE_IDS,
  OUTCOME_RATES,
  PARTICIPANT_ROWS,
  participantCount,
  REFERRING_PARTIES,
  REFERRING_PARTY_LABEL,
  referralCount,
  type OutcomeRateId,
  type ParticipantRow,
} from '../../../shared/indices/outcome-rates';
import { reportLine, yearOf } from './report-text';
import {
  finishSheet,
  FORMAT,
  setStyle,
  writeFootnote,
  writeHeaderRow,
  writeHeading,
  writeMeasure,
  writeSectionTitle,
  writeText,
} from './sheet-kit';

/** Tabell 1's wording and indentation (seed 004). */
const ROW_LABEL = {
  antal: ['Antal deltagare', 0],
  nya: ['varav nya för året', 1],
  avslutade: ['Totalt antal avslutade', 0],
  positiv: ['Avslutade till en för individen positiv lösning', 1],
  arbete: ['varav till arbete', 2],
  studier: ['varav till studier', 2],
  vidare_af: ['varav till fortsatt insats via Arbetsförmedlingen', 2],
  saknar_arbetsformaga: ['varav saknar arbetsförmåga', 2],
  halsoskal: ['Avslutade av hälsoskäl', 1],
  avbrott: ['Avbrott', 1],
  kvar: ['Antal kvar i verksamheten', 0],
} satisfies Record<ParticipantRow, [string, number]>;

/** The rate Tabell 1 prints in the % column of a row. */
const RATE_ON_ROW = new Map<ParticipantRow, OutcomeRateId>(
  OUTCOME_RATE_IDS.map((id) => [OUTCOME_RATES[id].shownOn, id]),
);

/**
 * One platform or platform group in seed 004's Tabell 1 layout — Kvinnor, Män, Totalt and the
 * % column — with last year's Totalt and % and the Diff; then referrals per referring party
 * with the Ja-andel, and the gender split of each rate.
 */
export function writePlatformSheet(sheet: ExcelJS.Worksheet, c: Consolidation, scope: ParticipantScope): void {
  const year = String(c.meta.period.year);
  const last = yearOf(c.meta.lastYearPeriod);
  const subtitle = [reportLine(c)];
  if (scope.kind === 'group') subtitle.push(`Summan av ${scope.platforms.join(', ')}; andelarna räknas ur summorna.`);
  let row = writeHeading(sheet, `${scope.name} – volym och resultat deltagare`, subtitle);
  const mark = c.meta.suppression?.mark;
  const hidden = (which: 'current' | 'lastYear', cell: string) => scope.hidden.has(`${which}:${cell}`);

  const header = row;
  writeHeaderRow(sheet, header, [
    '',
    'Kvinnor',
    'Män',
    'Totalt',
    '%',
    `Totalt ${last}`,
    `% ${last}`,
    'Diff antal',
    'Diff %-enheter',
  ]);
  row += 1;
  for (const id of PARTICIPANT_ROWS) {
    const [label, indent] = ROW_LABEL[id];
    setStyle(writeText(sheet, row, 1, label), { alignment: { horizontal: 'left', indent } });
    GENDER_COLUMNS.forEach((column, i) =>
      writeMeasure(sheet, row, 2 + i, participantCount(scope.current, id, column), FORMAT.count, {
        hidden: hidden('current', `deltagare.${id}.${column}`),
        mark,
      }),
    );
    const rate = RATE_ON_ROW.get(id);
    const totNow = participantCount(scope.current, id);
    const totLast = participantCount(scope.lastYear, id);
    const countHidden = hidden('current', `deltagare.${id}.tot`) || hidden('lastYear', `deltagare.${id}.tot`);
    if (rate) {
      // Coloured where the headline has a target for the rate (positiv lösning, arbete …).
      const label = (HEADLINE_RATE_LABEL as Partial<Record<OutcomeRateId, string>>)[rate];
      const good = c.headline.find((h) => h.scope === scope.name && h.label === label)?.reached ?? null;
      writeMeasure(sheet, row, 5, scope.rates[rate].tot, FORMAT.percent, {
        hidden: isRateHidden(scope, 'current', rate, 'tot'),
        mark,
        good,
      });
    }
    writeMeasure(sheet, row, 6, totLast, FORMAT.count, { hidden: hidden('lastYear', `deltagare.${id}.tot`), mark });
    if (rate)
      writeMeasure(sheet, row, 7, scope.lastYearRates[rate].tot, FORMAT.percent, {
        hidden: isRateHidden(scope, 'lastYear', rate, 'tot'),
        mark,
      });
    writeMeasure(sheet, row, 8, difference(totNow, totLast), FORMAT.signedCount, { hidden: countHidden, mark });
    if (rate) {
      const rateHidden = isRateHidden(scope, 'current', rate, 'tot') || isRateHidden(scope, 'lastYear', rate, 'tot');
      writeMeasure(sheet, row, 9, difference(scope.rates[rate].tot, scope.lastYearRates[rate].tot), FORMAT.points, {
        hidden: rateHidden,
        mark,
      });
    }
    row += 1;
  }
  writeFootnote(
    sheet,
    row,
    '% = positiv lösning, hälsoskäl och avbrott av avslutade; arbete, studier, Arbetsförmedlingen ' +
      'och saknar arbetsförmåga av de positiva; vid Totalt antal avslutade: genomströmning (avslutade av deltagare).',
  );
  row += 2;

  writeSectionTitle(sheet, row, 'Aktualiserade per aktualiserande part', 9);
  row += 1;
  writeHeaderRow(sheet, row, [
    'Aktualiserande part',
    'Aktualiserade',
    'Ja till samverkan',
    'Nej till samverkan',
    'Andel Ja',
    `Andel Ja ${last}`,
    'Diff %-enheter',
  ]);
  row += 1;
  for (const party of REFERRING_PARTIES) {
    writeText(sheet, row, 1, REFERRING_PARTY_LABEL[party]);
    (['aktualiserade', 'ja', 'nej'] as const).forEach((r, i) =>
      writeMeasure(sheet, row, 2 + i, referralCount(scope.current, r, party), FORMAT.count, {
        hidden: hidden('current', `aktualiserade.${r}.${party}`),
        mark,
      }),
    );
    const yes = scope.yes[party];
    const nowHidden = isYesShareHidden(scope, 'current', party);
    const lastHidden = isYesShareHidden(scope, 'lastYear', party);
    writeMeasure(sheet, row, 5, yes.current, FORMAT.percent, {
      hidden: nowHidden,
      mark,
      good: yes.current.value === null || party === 'kriminalvarden' ? null : yes.current.value >= 80,
    });
    writeMeasure(sheet, row, 6, yes.lastYear, FORMAT.percent, { hidden: lastHidden, mark });
    writeMeasure(sheet, row, 7, yes.diff, FORMAT.points, { hidden: nowHidden || lastHidden, mark });
    row += 1;
  }
  writeFootnote(sheet, row, 'Målet är att varje part får Ja till samverkan för minst 80 % av dem den aktualiserar.');
  row += 2;

  writeSectionTitle(sheet, row, 'Kvinnor och män', 9);
  row += 1;
  writeHeaderRow(sheet, row, ['Andel', `Kvinnor ${year}`, `Män ${year}`, 'Skillnad K − M (p.e.)', `Skillnad ${last}`]);
  row += 1;
  for (const rate of OUTCOME_RATE_IDS) {
    writeText(sheet, row, 1, OUTCOME_RATES[rate].label);
    const anyHidden = (which: 'current' | 'lastYear') =>
      isRateHidden(scope, which, rate, 'k') || isRateHidden(scope, which, rate, 'm');
    writeMeasure(sheet, row, 2, scope.rates[rate].k, FORMAT.percent, {
      hidden: isRateHidden(scope, 'current', rate, 'k'),
      mark,
    });
    writeMeasure(sheet, row, 3, scope.rates[rate].m, FORMAT.percent, {
      hidden: isRateHidden(scope, 'current', rate, 'm'),
      mark,
    });
    writeMeasure(sheet, row, 4, genderGap(scope.current, rate), FORMAT.points, { hidden: anyHidden('current'), mark });
    writeMeasure(sheet, row, 5, genderGap(scope.lastYear, rate), FORMAT.points, {
      hidden: anyHidden('lastYear'),
      mark,
    });
    row += 1;
  }
  finishSheet(sheet, { headerRow: header, lastRow: row, lastColumn: 9, minLabelWidth: 44 });
}
