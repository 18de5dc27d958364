import { describePeriod, periodIdSchema, periodsOfYear } from '../../model/period';
import { documentYear, yearSettings } from '../document';
import type { SettingsSheet } from '../sheet';
import { offsetWhere, text } from '../sheet';

/** The periods of a year, in the order the sheet lists them. */
function periodsOf(year: number) {
  return [...periodsOfYear(year, 'tertial'), ...periodsOfYear(year, 'halfyear'), ...periodsOfYear(year, 'year')];
}

/** Perioder och sista dagar: the default last day for submissions of each period of the year. */
export const deadlinesSheet: SettingsSheet = {
  layout: {
    sheetName: 'Perioder och sista dagar',
    title: 'Perioder och sista dagar',
    help:
      'Sista dag för inlämning per period, skriven ÅÅÅÅ-MM-DD. Efter sista dagen tar Samlad inte emot fler ' +
      'inlämningar för perioden och skriver tertialrapporten. Kansliet kan ändra dagen för en enskild period ' +
      'under Status. Tomt betyder Samlads standard (ett antal dagar efter periodens slut).',
    fields: [],
    table: {
      id: 'perioder',
      key: 'period',
      capacity: 5,
      columns: [
        {
          key: 'period',
          header: 'Period',
          kind: 'text',
          width: 10,
          required: true,
          pattern: periodIdSchema,
          locked: true,
        },
        { key: 'label', header: 'Beskrivning', kind: 'info', width: 30 },
        { key: 'deadline', header: 'Sista dag', kind: 'date', width: 14 },
      ],
    },
  },
  write(document) {
    const deadlines = yearSettings(document).deadlines ?? {};
    return {
      fields: {},
      rows: periodsOf(documentYear(document)).map((p) => ({
        period: p.id,
        label: describePeriod(p),
        deadline: deadlines[p.id] ?? null,
      })),
    };
  },
  read(input) {
    const entries = input.rows
      .map(({ values }) => [text(values.period) ?? '', text(values.deadline)] as const)
      .filter((e): e is readonly [string, string] => e[1] !== undefined);
    return { year: { deadlines: entries.length > 0 ? Object.fromEntries(entries) : undefined } };
  },
  locate(path, input) {
    if (path[0] !== 'year' || path[1] !== 'deadlines') return undefined;
    return { offset: offsetWhere(input, 'period', path[2]), column: 'deadline' };
  },
};
