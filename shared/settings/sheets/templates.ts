import { templateIdSchema } from '../../model/ids';
import { periodKindLabel } from '../../model/period';
import type { TemplateDefinition } from '../../model/template-schema';
import type { SettingsDocument } from '../document';
import type { SettingsSheet, SheetContext } from '../sheet';
import { text } from '../sheet';

/** The newest version of each template valid for the year that the förbund may use. */
export function availableTemplates(document: SettingsDocument, context: SheetContext): TemplateDefinition[] {
  const newest = new Map<string, TemplateDefinition>();
  for (const t of context.templates) {
    if (t.years.from > context.year || context.year > t.years.to) continue;
    if (t.forbund !== undefined && !t.forbund.includes(document.id)) continue;
    const seen = newest.get(t.id);
    if (!seen || seen.version < t.version) newest.set(t.id, t);
  }
  return [...newest.values()];
}

/** Mallar: which templates the förbund collects this year, in the order reports show them. */
export const templatesSheet: SettingsSheet = {
  layout: {
    sheetName: 'Mallar',
    title: 'Mallar som förbundet samlar in',
    help:
      'Skriv Ja i kolumnen Används för varje mall förbundet samlar in i år; raderna står i den ordning ' +
      'rapporten visar mallarna. En mall med inlämningar för året kan inte väljas bort.',
    fields: [],
    table: {
      id: 'mallar',
      key: 'id',
      capacity: 60,
      columns: [
        { key: 'id', header: 'Mall', kind: 'text', width: 26, required: true, pattern: templateIdSchema, locked: true },
        { key: 'title', header: 'Titel', kind: 'info', width: 44 },
        { key: 'period', header: 'Lämnas per', kind: 'info', width: 12 },
        { key: 'version', header: 'Version', kind: 'info', width: 9 },
        { key: 'used', header: 'Används', kind: 'yesno', width: 10, required: true },
      ],
    },
  },
  write(document, context) {
    const available = availableTemplates(document, context);
    const byId = new Map(available.map((t) => [t.id, t]));
    const known = new Set(context.templates.map((t) => t.id));
    const ids = [...document.templates, ...available.map((t) => t.id).filter((id) => !document.templates.includes(id))];
    return {
      fields: {},
      rows: ids.map((id) => {
        const t = byId.get(id);
        return {
          id,
          title: t?.title ?? (known.has(id) ? `(finns inte för ${context.year})` : '(okänd mall)'),
          period: t ? periodKindLabel(t.period.kind) : null,
          version: t?.version ?? null,
          used: document.templates.includes(id),
        };
      }),
    };
  },
  read(input) {
    return {
      forbund: { templates: input.rows.filter((r) => r.values.used === true).map((r) => text(r.values.id) ?? '') },
    };
  },
  locate(path, input) {
    if (path[0] !== 'templates') return undefined;
    const used = input.rows.filter((r) => r.values.used === true);
    return { offset: typeof path[1] === 'number' ? used[path[1]]?.offset : undefined, column: 'id' };
  },
};
