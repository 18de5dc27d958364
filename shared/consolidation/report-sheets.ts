import type { SubmissionRecord } from '../indices/consolidation-model';
import { known } from '../indices/measure';
import type { Consolidation } from './consolidation-result';
import { figureName, NAME_SUFFIX } from './figure-names';
import { headlineChart, type HeadlineRow } from './headline';
import { figure, text, type ChartSpec, type FigureFormat, type ReportRow, type ReportSheet } from './report-model';
import { svNumber, targetText, type SheetContext } from './sheet-context';

/** Sheets every report has, whatever its templates: Sammanfattning, Kontroll, Inlämningar, Om rapporten. */

const VALUE_FORMAT = { '%': 'percent', index: 'index', tkr: 'tkr' } satisfies Record<HeadlineRow['unit'], FigureFormat>;
const DIFF_FORMAT = { '%': 'points', index: 'signedIndex', tkr: 'signedTkr' } satisfies Record<
  HeadlineRow['unit'],
  FigureFormat
>;
const UNIT_TEXT = { '%': '%', index: '', tkr: 'tkr' } satisfies Record<HeadlineRow['unit'], string>;

/** Made once: building a formatter costs far more than formatting with it. */
const STOCKHOLM = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2024-02-01 07:00 svensk tid": reports are read in Sweden, whatever the server's clock. */
export function swedishTime(iso: string): string {
  // Formatting is slow and a report shows the same few minutes many times: keep each minute's text.
  const minute = iso.length >= 16 && iso.endsWith('Z') ? iso.slice(0, 16) : iso;
  let shown = swedishMinutes.get(minute);
  if (shown === undefined) {
    const parts = STOCKHOLM.formatToParts(new Date(iso));
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    shown = `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} svensk tid`;
    if (swedishMinutes.size >= 10_000) swedishMinutes.clear();
    swedishMinutes.set(minute, shown);
  }
  return shown;
}
const swedishMinutes = new Map<string, string>();

/** The charts of Sammanfattning: the first headline figure of each source, and what computations add. */
function summaryCharts(c: Consolidation): ChartSpec[] {
  const years = { current: String(c.meta.period.year), lastYear: c.meta.lastYearPeriod.slice(0, 4) };
  const keys: string[] = [];
  const sources = new Set<string>();
  for (const row of c.headline) {
    const source = row.key.split('.')[0] ?? '';
    if (sources.has(source) || keys.includes(row.key)) continue;
    sources.add(source);
    keys.push(row.key);
  }
  return keys.flatMap((key) => {
    const chart = headlineChart(c.headline, key, years);
    return chart ? [chart] : [];
  });
}

export function summarySheet(c: Consolidation, ctx: SheetContext): ReportSheet {
  const year = String(c.meta.period.year);
  const lastYear = c.meta.lastYearPeriod.slice(0, 4);
  const rows = c.headline.map((h): ReportRow => {
    const name = (suffix: string) => figureName('sammanfattning', h.scopeId, h.key, suffix);
    const verdict = h.hidden || h.reached === null ? '–' : h.reached ? 'Ja' : 'Nej';
    return {
      cells: [
        text(h.scope),
        text(h.label),
        figure(h.current, VALUE_FORMAT[h.unit], name(NAME_SUFFIX.current), { hidden: h.hidden, good: h.reached }),
        figure(h.lastYear, VALUE_FORMAT[h.unit], name(NAME_SUFFIX.lastYear), { hidden: h.hidden }),
        figure(h.diff, DIFF_FORMAT[h.unit], name(NAME_SUFFIX.diffLastYear), { hidden: h.hidden }),
        text(targetText(h.target, UNIT_TEXT[h.unit]), { align: 'center' }),
        text(verdict, { align: 'center', good: h.hidden ? null : h.reached }),
      ],
    };
  });
  const footnotes = [
    '”saknas” = uppgiften finns inte i underlaget; cellens kommentar säger varför. Saknade värden räknas aldrig som 0.',
  ];
  if (c.meta.suppression) footnotes.unshift(c.meta.suppression.footnote);
  if (c.checks.length > 0)
    footnotes.push(`${c.checks.length} konsoliderade värden bryter mot mallarnas regler; se bladet Kontroll.`);
  return {
    id: 'sammanfattning',
    tab: 'Sammanfattning',
    title: 'Sammanfattning',
    subtitle: [ctx.reportLine, `Skapad ${swedishTime(c.meta.generatedAt)}`],
    labelColumns: 2,
    labelWidth: 18,
    blocks: [{ header: ['Område', 'Mått', year, lastYear, 'Diff', 'Mål', 'Uppnått'], rows, footnotes }],
    charts: summaryCharts(c),
  };
}

/** Kontroll: every consolidated figure that breaks a rule of its template, named by template, scope and cell. */
export function checkSheet(c: Consolidation, ctx: SheetContext): ReportSheet {
  const rows = c.checks.map((check): ReportRow => {
    const name = (what: string) =>
      figureName('kontroll', check.templateId, check.scope, check.period, check.cell, check.ruleId, what);
    return {
      cells: [
        text(check.templateTitle, { wrap: true }),
        text(check.scope),
        text(check.period),
        text(check.cellLabel, { wrap: true }),
        text(check.rule, { wrap: true }),
        figure(known(check.actual), check.count ? 'count' : 'decimal', name('angivet')),
        figure(known(check.expected), check.count ? 'count' : 'decimal', name('enligt_regeln')),
        figure(known(check.difference), check.count ? 'signedCount' : 'signedDecimal', name('skillnad'), {
          good: false,
        }),
        text(check.severity === 'fel' ? 'Fel' : 'Varning', { align: 'center', good: false }),
      ],
    };
  });
  const rules = new Set(c.checks.map((x) => `${x.templateId}|${x.scope}|${x.period}|${x.ruleId}`)).size;
  return {
    id: 'kontroll',
    tab: 'Kontroll',
    title: 'Kontroll mot mallarnas regler',
    subtitle: [
      ctx.reportLine,
      c.checks.length === 0
        ? 'Alla konsoliderade värden stämmer med mallarnas regler.'
        : `${c.checks.length} värden bryter mot ${rules} regler. Rapporten visar värdena som de inrapporterades.`,
    ],
    labelColumns: 1,
    labelWidth: 22,
    blocks: [
      {
        header: ['Mall', 'Gäller', 'Period', 'Cell', 'Regel', 'Angivet', 'Enligt regeln', 'Skillnad', 'Nivå'],
        rows: rows.length > 0 ? rows : [{ cells: [text('Inga avvikelser.')] }],
        footnotes: [
          'Skillnad = angivet värde − vad regeln ger ur de andra cellerna. En varning har godtagits med en ' +
            'kommentar från den som rapporterade; ett fel i en summa över flera plattformar, kommuner eller ' +
            'parter uppstår först när de läggs ihop.',
        ],
      },
    ],
  };
}

const STATE_LABEL = { inskickad: 'Inskickad', godkand: 'Godkänd', returnerad: 'Returnerad' } satisfies Record<
  SubmissionRecord['state'],
  string
>;

/** Inlämningar: for every template, period and scope the report draws on, which submission it used. */
export function submissionsSheet(c: Consolidation, ctx: SheetContext): ReportSheet {
  const rows: ReportRow[] = [];
  for (const r of c.completeness) {
    const entries = r.used.length > 0 ? r.used : [undefined];
    for (const u of entries) {
      rows.push({
        cells: [
          text(r.templateTitle, { wrap: true }),
          text(r.period),
          text(r.scopeName),
          ...(u
            ? [
                text(u.partyName),
                text(STATE_LABEL[u.state], {
                  good: u.state === 'godkand' ? true : u.state === 'returnerad' ? false : null,
                }),
                text(String(u.version), { align: 'right' }),
                text(swedishTime(u.updatedAt)),
                text(u.sha256.slice(0, 16), { mono: true }),
                ...(ctx.published ? [] : [u.comment ? text(u.comment, { wrap: true }) : null]),
              ]
            : [null, text('Saknas', { good: false })]),
        ],
      });
    }
  }
  const used = c.completeness.filter((r) => r.used.length > 0).length;
  return {
    id: 'inlamningar',
    tab: 'Inlämningar',
    title: 'Inlämningar',
    subtitle: [
      ctx.reportLine,
      `${used} av ${c.completeness.length} förväntade inrapporteringar finns i underlaget ` +
        `(${c.completeness.reduce((a, r) => a + r.used.length, 0)} inlämningar).`,
    ],
    labelColumns: 1,
    labelWidth: 26,
    blocks: [
      {
        header: [
          'Mall',
          'Period',
          'Gäller',
          'Part',
          'Status',
          'Version',
          'Senast ändrad',
          'SHA-256 (början)',
          ...(ctx.published ? [] : ['Kommentar']),
        ],
        rows,
        footnotes: [
          'SHA-256 är inlämningens innehållshash (mall, version, vad den gäller och värden); ' +
            'samma siffror ger samma hash. Hela hashen står på bladet Om rapporten.',
        ],
      },
    ],
  };
}

const VARIANT_LABEL = { internal: 'Intern version', published: 'Publicerad version' } as const;
const BASIS_LABEL = {
  approved: 'godkända inlämningar',
  latest: 'senaste inlämningarna (även ej godkända)',
} as const;

/** The subtitle every sheet carries. */
export function reportLine(c: Pick<Consolidation, 'meta'>): string {
  return (
    `${c.meta.forbund.name} · ${c.meta.periodLabel} · ${VARIANT_LABEL[c.meta.variant]} · underlag: ` +
    `${BASIS_LABEL[c.meta.basis]}`
  );
}

/** Om rapporten: what it is, when and from what it was made, and how its figures are computed. */
export function aboutSheet(
  c: Consolidation,
  info: { inputsHash: string; generator: string; settings?: { text: string; sha256: string } },
): ReportSheet {
  const facts: [string, string][] = [
    ['Förbund', `${c.meta.forbund.name} (${c.meta.forbund.id})`],
    ['Period', `${c.meta.periodLabel} (${c.meta.period.id}); jämförelse med ${c.meta.lastYearPeriod}`],
    ['Version', VARIANT_LABEL[c.meta.variant]],
    ['Underlag', BASIS_LABEL[c.meta.basis]],
    ['Skapad', swedishTime(c.meta.generatedAt)],
    ['Skapad av', info.generator],
    ['Underlagets hash', info.inputsHash],
    ...(info.settings
      ? ([
          ['Inställningar', info.settings.text],
          ['Inställningarnas hash', info.settings.sha256],
        ] as [string, string][])
      : []),
  ];
  const used = c.completeness.flatMap((r) => r.used);
  const pair = (a: string, b: string, mono = false): ReportRow => ({
    cells: [text(a, { bold: !mono }), text(b, mono ? { mono } : { wrap: true })],
  });
  return {
    id: 'om',
    tab: 'Om rapporten',
    title: 'Om rapporten',
    subtitle: [`Samlad – konsoliderad rapport för ${c.meta.forbund.name}`],
    labelColumns: 1,
    labelWidth: 30,
    blocks: [
      { rows: facts.map(([a, b]) => pair(a, b)) },
      { title: 'Mallar', rows: c.meta.templates.map((t) => pair(t.title, `${t.id}, version ${t.version}`)) },
      {
        title: `Inlämningar som rapporten bygger på (${used.length})`,
        rows: used.map((u) => pair(u.id, u.sha256, true)),
      },
      {
        title: 'Metod',
        rows: c.notes.map((note, i) => ({
          cells: [text(`${i + 1}.`, { align: 'right' }), text(note, { wrap: true })],
        })),
        ...(c.meta.suppression ? { footnotes: [c.meta.suppression.footnote] } : {}),
      },
    ],
  };
}

/** "61,5 %": for notes that quote a figure. */
export function percentText(value: number): string {
  return `${svNumber(value)} %`;
}
