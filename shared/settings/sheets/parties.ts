import { z } from 'zod';
import type { Party } from '../../model/forbund-schema';
import { PARTY_KIND_LABEL, partyIdSchema, partyKindSchema } from '../../model/ids';
import { yearSettings } from '../document';
import type { SettingsSheet } from '../sheet';
import { carryOver, num, offsetOf, offsetWhere, text } from '../sheet';

const KOMMUNKOD = z.string().regex(/^\d{4}$/, 'Kommunkoden ska vara fyra siffror');

const KIND_CHOICES = partyKindSchema.options.map((value) => ({ value, label: PARTY_KIND_LABEL[value] }));

const COLUMN_BY_FIELD: Record<string, string> = {
  id: 'id',
  name: 'name',
  kind: 'kind',
  kommunkod: 'kommunkod',
  fundingMember: 'fundingMember',
};

/** Parter och kommuner: the parties, each kommun's kommunkod and its share of the working-age population. */
export const partiesSheet: SettingsSheet = {
  layout: {
    sheetName: 'Parter och kommuner',
    title: 'Parter och kommuner',
    help:
      'Förbundets parter. Id används i behörigheterna (Reporter.<förbund>.<id>) och får inte ändras för en part ' +
      'som har rapporterat. Kommunerna delar kommunernas 25 % efter befolkningsandel, som ska summera till 100 %.',
    fields: [],
    table: {
      id: 'parter',
      key: 'id',
      capacity: 60,
      columns: [
        { key: 'id', header: 'Id', kind: 'text', width: 16, required: true, pattern: partyIdSchema },
        { key: 'name', header: 'Namn', kind: 'text', width: 30, required: true },
        { key: 'kind', header: 'Typ', kind: 'choice', width: 20, required: true, choices: KIND_CHOICES },
        {
          key: 'kommunkod',
          header: 'Kommunkod',
          kind: 'text',
          width: 12,
          pattern: KOMMUNKOD,
          help: 'Fyra siffror, t.ex. 2480; bara för kommuner.',
        },
        { key: 'fundingMember', header: 'Finansierande medlem', kind: 'yesno', width: 14, required: true },
        {
          key: 'share',
          header: 'Befolkningsandel (%)',
          kind: 'number',
          width: 14,
          min: 0,
          max: 100,
          help: 'Kommunens andel av förbundets befolkning 20–64 år.',
        },
      ],
    },
  },
  write(document) {
    const shares = yearSettings(document).populationShares;
    return {
      fields: {},
      rows: document.parties.map((p) => ({
        id: p.id,
        name: p.name,
        kind: p.kind,
        kommunkod: p.kommunkod ?? null,
        fundingMember: p.fundingMember,
        share: shares?.[p.id] ?? null,
      })),
    };
  },
  read(input, base) {
    const parties = input.rows.map(
      ({ values }) =>
        ({
          id: text(values.id) ?? '',
          name: text(values.name) ?? '',
          kind: text(values.kind) as Party['kind'],
          kommunkod: text(values.kommunkod),
          fundingMember: values.fundingMember === true,
        }) as Party,
    );
    const shares = input.rows.filter((r) => num(r.values.share) !== undefined);
    return {
      forbund: { parties: carryOver(base.parties, parties) },
      year: {
        populationShares:
          shares.length > 0
            ? Object.fromEntries(shares.map((r) => [text(r.values.id) ?? '', num(r.values.share) ?? 0]))
            : undefined,
      },
    };
  },
  locate(path, input) {
    if (path[0] === 'parties') {
      if (path.length === 1) return {};
      return { offset: offsetOf(input, path[1]), column: COLUMN_BY_FIELD[String(path[2])] };
    }
    if (path[0] === 'year' && path[1] === 'populationShares')
      return path.length > 2 ? { offset: offsetWhere(input, 'id', path[2]), column: 'share' } : { column: 'share' };
    return undefined;
  },
};
