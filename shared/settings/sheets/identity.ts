import { forbundIdSchema } from '../../model/ids';
import { SETTINGS_FORMAT, documentYear } from '../document';
import type { SettingsSheet } from '../sheet';
import { text } from '../sheet';

/** Field ids of the file's identity, read before anything else. */
export const IDENTITY = { format: 'format', forbund: 'forbund', year: 'ar', version: 'version' } as const;

/** Om inställningarna: which förbund and year the file is for, what it was made from, and the förbund's name. */
export const identitySheet: SettingsSheet = {
  layout: {
    sheetName: 'Om inställningarna',
    title: 'Inställningar',
    help:
      'Ändra i de gula cellerna på bladen och ladda upp arbetsboken under Inställningar i Samlad. Samlad visar vad ' +
      'som ändras och vad som behöver rättas; inget gäller förrän kansliet aktiverar versionen. Rader läggs till ' +
      'inom tabellerna (infoga rader ovanför raden där tabellen slutar).',
    fields: [
      { id: IDENTITY.format, label: 'Filformat', kind: 'text', locked: true },
      { id: IDENTITY.forbund, label: 'Förbundets id', kind: 'text', pattern: forbundIdSchema, locked: true },
      { id: IDENTITY.year, label: 'År', kind: 'number', integer: true, locked: true },
      { id: IDENTITY.version, label: 'Bygger på version', kind: 'number', integer: true, locked: true },
      { id: 'namn', label: 'Förbundets namn', kind: 'text', required: true },
      { id: 'kortnamn', label: 'Kortnamn', kind: 'text', required: true, help: 'Visas i menyer och rubriker.' },
    ],
  },
  write(document) {
    return {
      fields: {
        [IDENTITY.format]: SETTINGS_FORMAT,
        [IDENTITY.forbund]: document.id,
        [IDENTITY.year]: documentYear(document),
        [IDENTITY.version]: null,
        namn: document.name || null,
        kortnamn: document.shortName || null,
      },
      rows: [],
    };
  },
  read(input) {
    return { forbund: { name: text(input.fields.namn) ?? '', shortName: text(input.fields.kortnamn) ?? '' } };
  },
  locate(path) {
    if (path.length !== 1) return undefined;
    if (path[0] === 'name') return { field: 'namn' };
    if (path[0] === 'shortName') return { field: 'kortnamn' };
    if (path[0] === 'id') return { field: IDENTITY.forbund };
    return undefined;
  },
};
