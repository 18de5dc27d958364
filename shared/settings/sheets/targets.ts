import type { FigureTarget } from '../../model/year-settings-schema';
import { figureKeySchema } from '../../model/year-settings-schema';
import { yearSettings } from '../document';
import { targetFigures } from '../target-figures';
import type { SettingsSheet } from '../sheet';
import { num, offsetWhere, text } from '../sheet';

export const COMPARATOR_CHOICES = [
  { value: 'gte', label: '≥' },
  { value: 'lte', label: '≤' },
] as const;

const same = (a: FigureTarget, b: FigureTarget) => a.comparator === b.comparator && Math.abs(a.value - b.value) < 1e-9;

/** Mål: the targets the consolidated workbook measures its figures against this year. */
export const targetsSheet: SettingsSheet = {
  layout: {
    sheetName: 'Mål',
    title: 'Mål för årets mått',
    help:
      'Sammanfattning i den konsoliderade rapporten visar varje mått mot målet här. Ett tomt mål betyder att ' +
      'mallens eget mål gäller.',
    fields: [],
    table: {
      id: 'mal',
      key: 'key',
      capacity: 40,
      columns: [
        {
          key: 'key',
          header: 'Mått-id',
          kind: 'text',
          width: 34,
          required: true,
          pattern: figureKeySchema,
          locked: true,
        },
        { key: 'label', header: 'Mått', kind: 'info', width: 40 },
        { key: 'comparator', header: 'Jämförelse', kind: 'choice', width: 12, choices: COMPARATOR_CHOICES },
        { key: 'value', header: 'Mål', kind: 'number', width: 10 },
        { key: 'unit', header: 'Enhet', kind: 'info', width: 8 },
      ],
    },
  },
  write(document, context) {
    const own = yearSettings(document).targets ?? {};
    return {
      fields: {},
      rows: targetFigures(document, context).map((f) => {
        const target = own[f.key] ?? f.fallback;
        return { key: f.key, label: f.label, comparator: target.comparator, value: target.value, unit: f.unit };
      }),
    };
  },
  read(input, base, context) {
    const fallback = new Map(targetFigures(base, context).map((f) => [f.key, f.fallback]));
    const own = yearSettings(base).targets ?? {};
    const targets: Record<string, FigureTarget> = {};
    for (const { values } of input.rows) {
      const key = text(values.key) ?? '';
      const value = num(values.value);
      if (value === undefined) continue;
      const target: FigureTarget = { comparator: values.comparator === 'lte' ? 'lte' : 'gte', value };
      // A target equal to the one that applies anyway stays implicit, unless kansliet had set it before.
      const standard = fallback.get(key);
      if (own[key] || !standard || !same(standard, target)) targets[key] = target;
    }
    return { year: { targets: Object.keys(targets).length > 0 ? targets : undefined } };
  },
  locate(path, input) {
    if (path[0] !== 'year' || path[1] !== 'targets') return undefined;
    return { offset: offsetWhere(input, 'key', path[2]), column: path[3] === 'comparator' ? 'comparator' : 'value' };
  },
};
