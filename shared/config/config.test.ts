import { resolveTemplate } from '../model/resolve';
import { templatesForForbund } from '../model/selectors';
import { registry } from './registry';

const YEARS = [2022, 2023, 2024, 2025, 2026, 2027];

describe('shipped configuration', () => {
  it('has each förbund collect the templates of issue 3', () => {
    expect(Object.fromEntries(registry.forbund.map((f) => [f.id, [...f.templates].sort()]))).toEqual({
      umearegionen: [
        'deltagare-avslut',
        'eget-kapital',
        'ekonomi-utfall',
        'helarsekvivalenter',
        'impactindex-underlag',
        'samverkansinitiativ',
        'strategiska-indikatorer',
      ],
      'skelleftea-norsjo': ['arbsam', 'helarsekvivalenter', 'strategiska-indikatorer'],
    });
  });

  // A template valid for a year whose configuration lacks its rows would give an empty sheet.
  it.each(
    registry.forbund.flatMap((f) =>
      YEARS.flatMap((year) => templatesForForbund(registry, f, year).map((t) => [f.id, year, t.id, f, t] as const)),
    ),
  )('%s %d %s: every section has rows', (_f, year, _t, forbund, definition) => {
    const template = resolveTemplate(definition, forbund, year);
    for (const section of template.sections) expect([section.id, section.rows.length > 0]).toEqual([section.id, true]);
  });

  it('collects every template of the förbund in 2023–2026 where its configuration exists', () => {
    const years = (forbund: string, template: string) =>
      YEARS.filter((y) =>
        templatesForForbund(
          registry,
          registry.forbund.find((f) => f.id === forbund)!,
          y,
        ).some((t) => t.id === template),
      );
    expect(years('umearegionen', 'ekonomi-utfall')).toEqual([2023, 2024, 2025, 2026]);
    expect(years('umearegionen', 'samverkansinitiativ')).toEqual([2024]);
    expect(years('umearegionen', 'impactindex-underlag')).toEqual([2022, 2023]);
    expect(years('skelleftea-norsjo', 'arbsam')).toEqual([2023, 2024, 2025, 2026]);
  });

  it('keeps sheet names unique, so templates can share a workbook (versions of one template share theirs)', () => {
    const names = [...new Map(registry.templates.map((t) => [t.id, t.sheetName])).values()];
    expect(new Set(names).size).toBe(names.length);
    for (const t of registry.templates)
      expect(registry.templates.filter((o) => o.sheetName === t.sheetName).every((o) => o.id === t.id)).toBe(true);
  });
});
