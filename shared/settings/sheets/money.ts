import { TRAPPAN } from '../../config/finance';
import type { BudgetLine } from '../../model/forbund-schema';
import { budgetGroupSchema } from '../../model/forbund-schema';
import { elementIdSchema } from '../../model/ids';
import type { TrappanStepSetting } from '../../model/year-settings-schema';
import { yearSettings } from '../document';
import type { SettingsSheet } from '../sheet';
import { carryOver, num, offsetOf, text } from '../sheet';

const GROUP_LABEL = {
  intakter: 'Intäkter',
  kansli: 'Kansli och administration',
  verksamhetsnara: 'Verksamhetsnära kostnader',
  insatser: 'Insatser',
} satisfies Record<BudgetLine['group'], string>;

const GROUP_CHOICES = budgetGroupSchema.options.map((value) => ({ value, label: GROUP_LABEL[value] }));

/** Budget: the year's budget per line in tkr, costs negative as in the annual report. */
export const budgetSheet: SettingsSheet = {
  layout: {
    sheetName: 'Budget',
    title: 'Budget',
    help:
      'Årets budget per rad i tkr; kostnader skrivs negativa, som i årsredovisningen. Behåll id för en rad som ' +
      'finns år efter år, så jämförs utfallen. Medlemsavgifterna är raden medlemsavgifter eller en rad per ' +
      'medlem (avgift_<part-id>).',
    fields: [],
    table: {
      id: 'budget',
      key: 'id',
      capacity: 120,
      columns: [
        { key: 'id', header: 'Id', kind: 'text', width: 26, required: true, pattern: elementIdSchema },
        { key: 'label', header: 'Rad', kind: 'text', width: 40, required: true },
        { key: 'group', header: 'Grupp', kind: 'choice', width: 26, required: true, choices: GROUP_CHOICES },
        { key: 'budget', header: 'Budget (tkr)', kind: 'number', width: 14, required: true },
      ],
    },
  },
  write(document) {
    return {
      fields: {},
      rows: (yearSettings(document).budget ?? []).map((l) => ({
        id: l.id,
        label: l.label,
        group: l.group,
        budget: l.budget,
      })),
    };
  },
  read(input, base) {
    const lines = input.rows.map(
      ({ values }) =>
        ({
          id: text(values.id) ?? '',
          label: text(values.label) ?? '',
          group: text(values.group),
          budget: num(values.budget),
        }) as BudgetLine,
    );
    return { year: { budget: lines.length > 0 ? carryOver(yearSettings(base).budget, lines) : undefined } };
  },
  locate(path, input) {
    if (path[0] !== 'year' || path[1] !== 'budget') return undefined;
    return path.length === 2 ? {} : { offset: offsetOf(input, path[2]), column: path[3] as string | undefined };
  },
};

const sameSteps = (a: readonly TrappanStepSetting[], b: readonly TrappanStepSetting[]) =>
  a.length === b.length &&
  a.every(
    (s, i) =>
      s.from === b[i]?.from &&
      s.to === b[i]?.to &&
      s.percent === b[i]?.percent &&
      s.illustrative === b[i]?.illustrative,
  );

/** Trappan: the recommended maximum equity, the national one unless the board decided its own. */
export const trappanSheet: SettingsSheet = {
  layout: {
    sheetName: 'Trappan',
    title: 'Trappan för eget kapital',
    help:
      'Högsta rekommenderade egna kapital, i procent av verksamhetens intäkter inom varje steg. Bladet visar ' +
      'Nationella rådets rekommendation; ändra bara om styrelsen har beslutat om en egen.',
    fields: [{ id: 'trappan_kalla', label: 'Källa', kind: 'text' }],
    table: {
      id: 'trappan',
      key: 'from',
      capacity: 10,
      columns: [
        { key: 'from', header: 'Från (tkr)', kind: 'number', width: 14, required: true, min: 0 },
        { key: 'to', header: 'Till (tkr)', kind: 'number', width: 14, min: 0 },
        { key: 'percent', header: 'Procent', kind: 'number', width: 10, required: true, min: 0, max: 100 },
        {
          key: 'illustrative',
          header: 'Uppskattat',
          kind: 'yesno',
          width: 12,
          required: true,
          help: 'Ja när steget inte är en publicerad siffra; rapporten säger det.',
        },
      ],
    },
  },
  write(document) {
    const own = yearSettings(document).trappan;
    const steps = own?.steps ?? TRAPPAN.steps;
    return {
      fields: { trappan_kalla: own ? (own.source ?? null) : TRAPPAN.source },
      rows: steps.map((s) => ({ from: s.from, to: s.to ?? null, percent: s.percent, illustrative: s.illustrative })),
    };
  },
  read(input) {
    const steps = input.rows.map(({ values }): TrappanStepSetting => ({
      from: num(values.from) as number,
      to: num(values.to),
      percent: num(values.percent) as number,
      illustrative: values.illustrative === true,
    }));
    const source = text(input.fields.trappan_kalla);
    const national = sameSteps(steps, TRAPPAN.steps) && (source === undefined || source === TRAPPAN.source);
    return { year: { trappan: national || steps.length === 0 ? undefined : { source, steps } } };
  },
  locate(path, input) {
    if (path[0] !== 'year' || path[1] !== 'trappan') return undefined;
    if (path[2] === 'source') return { field: 'trappan_kalla' };
    return { offset: offsetOf(input, path[3]), column: path[4] as string | undefined };
  },
};
