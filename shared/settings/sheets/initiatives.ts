import type { Initiative } from '../../model/forbund-schema';
import { initiativeAreaSchema } from '../../model/forbund-schema';
import { elementIdSchema } from '../../model/ids';
import { yearSettings } from '../document';
import type { SettingsSheet } from '../sheet';
import { carryOver, list, num, offsetOf, text } from '../sheet';

/** Samverkansinitiativ: the year's cooperation initiatives (seed 002), reported on in their own template. */
export const initiativesSheet: SettingsSheet = {
  layout: {
    sheetName: 'Samverkansinitiativ',
    title: 'Samverkansinitiativ',
    help: 'Årets samverkansinitiativ. Parter skrivs åtskilda med komma eller semikolon.',
    fields: [],
    table: {
      id: 'initiativ',
      key: 'id',
      capacity: 60,
      columns: [
        { key: 'number', header: 'Nr', kind: 'number', width: 6, required: true, integer: true, min: 1 },
        { key: 'id', header: 'Id', kind: 'text', width: 26, required: true, pattern: elementIdSchema },
        { key: 'name', header: 'Namn', kind: 'text', width: 40, required: true },
        {
          key: 'area',
          header: 'Område',
          kind: 'choice',
          width: 20,
          required: true,
          choices: initiativeAreaSchema.options.map((value) => ({ value, label: value })),
        },
        { key: 'parties', header: 'Parter', kind: 'ids', width: 40, required: true },
        { key: 'sammankallande', header: 'Sammankallande', kind: 'text', width: 24, required: true },
        { key: 'uppfoljningsansvarig', header: 'Ansvarig för uppföljning', kind: 'text', width: 30, required: true },
        { key: 'indicator', header: 'Indikator', kind: 'text', width: 50 },
      ],
    },
  },
  write(document) {
    return {
      fields: {},
      rows: (yearSettings(document).initiatives ?? []).map((i) => ({
        number: i.number,
        id: i.id,
        name: i.name,
        area: i.area,
        parties: i.parties,
        sammankallande: i.sammankallande,
        uppfoljningsansvarig: i.uppfoljningsansvarig,
        indicator: i.indicator ?? null,
      })),
    };
  },
  read(input, base) {
    const initiatives = input.rows.map(
      ({ values }) =>
        ({
          number: num(values.number),
          id: text(values.id) ?? '',
          name: text(values.name) ?? '',
          area: text(values.area),
          parties: list(values.parties),
          sammankallande: text(values.sammankallande) ?? '',
          uppfoljningsansvarig: text(values.uppfoljningsansvarig) ?? '',
          indicator: text(values.indicator),
        }) as Initiative,
    );
    const previous = yearSettings(base).initiatives;
    return { year: { initiatives: initiatives.length > 0 ? carryOver(previous, initiatives) : undefined } };
  },
  locate(path, input) {
    if (path[0] !== 'year' || path[1] !== 'initiatives') return undefined;
    return path.length === 2 ? {} : { offset: offsetOf(input, path[2]), column: path[3] as string | undefined };
  },
};
