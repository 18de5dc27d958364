/**
 * The consolidated workbook as a board member reads it on paper: LibreOffice (sv-SE) prints both
 * förbund's workbooks to PDF, and the pages are checked the way a person would look at them —
 * each sheet on A4 within its page budget, no text run into its neighbour or piled on the next
 * line, no number too wide for its column (###), every word of every label, heading and note
 * there whole, and type large enough to read. Skipped only on a developer machine without
 * LibreOffice; under CI a missing LibreOffice fails the run.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consolidate, reportSheets } from '../../shared/consolidation/consolidate';
import type { ReportSheet } from '../../shared/consolidation/report-model';
import { registry } from '../../shared/config/registry';
import type { ConsolidationInput, SubmissionRecord } from '../../shared/indices/consolidation-model';
import { requirePeriod } from '../../shared/model/period';
import { findForbund } from '../../shared/model/selectors';
import { writeConsolidatedWorkbook } from '../../functions/consolidation/report-workbook/consolidated-workbook';
import { arbsam2025 } from '../fixtures/seeds/seed-000-arbsam';
import { convertManyToPdf, findSoffice, LIBREOFFICE_INSTALL } from '../support/libreoffice';
import { overlappingWords, pdfPages, sheetOfPage, type PdfPage } from '../support/pdf-words';
import { seedRecords } from '../support/seed-records';

const runIt = findSoffice() !== undefined || Boolean(process.env.CI);
const maybe = runIt ? describe : describe.skip;

const INFO = { inputsHash: 'f'.repeat(64), generator: 'Samlad (test)' };
const arbsam: SubmissionRecord = {
  id: '2025~arbsam~arbsam~skelleftea~1',
  templateId: 'arbsam',
  templateVersion: 1,
  period: '2025',
  scope: 'arbsam',
  party: 'skelleftea',
  version: 1,
  sha256: 'c'.repeat(64),
  state: 'godkand',
  submittedAt: '2026-01-20T08:00:00.000Z',
  updatedAt: '2026-01-20T08:00:00.000Z',
  comment: 'Som i verksamhetsberättelsen.',
  values: arbsam2025,
};

const REPORTS: Record<string, Omit<ConsolidationInput, 'registry' | 'basis' | 'generatedAt'>> = {
  umearegionen: {
    forbund: findForbund(registry, 'umearegionen')!,
    period: requirePeriod('2023T3'),
    variant: 'internal',
    submissions: seedRecords(),
  },
  'umearegionen-publicerad': {
    forbund: findForbund(registry, 'umearegionen')!,
    period: requirePeriod('2023T3'),
    variant: 'published',
    submissions: seedRecords(),
  },
  'skelleftea-norsjo': {
    forbund: findForbund(registry, 'skelleftea-norsjo')!,
    period: requirePeriod('2025'),
    variant: 'internal',
    submissions: [arbsam],
  },
};

/** At most this many printed pages per sheet (the board reads them; more means the layout broke). */
const PAGE_BUDGET: Record<string, number> = {
  Sammanfattning: 3,
  Arbetsmarknadstorgen: 3,
  Ungdomstorget: 3,
  Vuxentorget: 3,
  Samordningsteamen: 3,
  Impactindex: 3,
  'Impactindex indikatorer': 3,
  Indikatorer: 6,
  Helårsekvivalenter: 2,
  Ekonomi: 3,
  Kontroll: 1,
  Inlämningar: 2,
  'Om rapporten': 5,
  ArbSam: 3,
};

const A4 = [595, 842];
/** Words, with a hyphenated word in its parts: a line may break after a hyphen or dash, as in print. */
const words = (text: string) =>
  text
    .split(/[\s\u00a0\u202f]+/)
    .flatMap((w) => w.split(/(?<=[-–])/))
    .filter((w) => w !== '');

/** Every text the model puts on a sheet: title, subtitle, headings, labels, text cells, notes. */
function textsOf(sheet: ReportSheet): string[] {
  return [
    sheet.title,
    ...sheet.subtitle,
    ...sheet.blocks.flatMap((b) => [
      ...(b.title ? [b.title] : []),
      ...(b.groups ?? []).map((g) => g.label),
      ...(b.header ?? []),
      ...b.rows.flatMap((r) => r.cells.flatMap((c) => (c?.kind === 'text' ? [c.text] : []))),
      ...(b.footnotes ?? []),
    ]),
  ];
}

interface Printed {
  sheets: ReportSheet[];
  pages: PdfPage[];
}
const printed = new Map<string, Printed>();

maybe(`the consolidated workbooks on paper${runIt ? '' : ` (skipped: ${LIBREOFFICE_INSTALL})`}`, () => {
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'samlad-print-'));
    try {
      const models = new Map<string, ReportSheet[]>();
      const paths: string[] = [];
      for (const [name, input] of Object.entries(REPORTS)) {
        const c = consolidate({ ...input, registry, basis: 'approved', generatedAt: '2026-02-01T06:00:00.000Z' });
        const path = join(dir, `${name}.xlsx`);
        await writeFile(path, await writeConsolidatedWorkbook(c, INFO));
        models.set(path, reportSheets(c, INFO));
        paths.push(path);
      }
      for (const [path, pdf] of await convertManyToPdf(paths))
        printed.set(path.slice(dir.length + 1, -'.xlsx'.length), {
          sheets: models.get(path)!,
          pages: await pdfPages(pdf),
        });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);

  describe.each(Object.keys(REPORTS))('%s', (report) => {
    const get = () => printed.get(report)!;
    const pagesOf = (tab: string) => get().pages.filter((p) => sheetOfPage(p) === tab);

    it('prints every sheet on A4, each within its page budget', () => {
      const { sheets, pages } = get();
      expect(pages.every((p) => sheetOfPage(p) !== undefined)).toBe(true);
      for (const page of pages) expect([Math.round(page.width), Math.round(page.height)].sort()).toEqual(A4);
      const over = sheets
        .map((s) => [s.tab, pagesOf(s.tab).length] as const)
        .filter(([tab, count]) => count < 1 || count > (PAGE_BUDGET[tab] ?? 2));
      expect(over).toEqual([]);
    });

    it('has no text run into its neighbour or piled on another line, and no number too wide for its column', () => {
      for (const [i, page] of get().pages.entries()) {
        const where = `${report} page ${i + 1} (${sheetOfPage(page)})`;
        expect([where, overlappingWords(page).map(([a, b]) => `${a.text} | ${b.text}`)]).toEqual([where, []]);
        expect([where, page.words.filter((w) => w.text.includes('###')).length]).toEqual([where, 0]);
      }
    });

    // Counted, not only found: a word broken in one heading must not pass because a note has it whole.
    it('shows every word of every label, heading and note whole', () => {
      const count = (list: readonly string[]) => {
        const counts = new Map<string, number>();
        for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
        return counts;
      };
      const cut = get().sheets.flatMap((sheet) => {
        const shown = count(pagesOf(sheet.tab).flatMap((p) => p.words.flatMap((w) => words(w.text))));
        return [...count(textsOf(sheet).flatMap(words))]
          .filter(([w, n]) => (shown.get(w) ?? 0) < n)
          .map(([w]) => `${sheet.tab}: ${w}`);
      });
      expect(cut).toEqual([]);
    });

    it('prints type large enough to read (no sheet shrunk to fit)', () => {
      for (const [i, page] of get().pages.entries()) {
        const heights = page.words.map((w) => w.y1 - w.y0).sort((a, b) => a - b);
        const median = heights[Math.floor(heights.length / 2)] ?? 0;
        expect([`${report} page ${i + 1}`, median >= 7]).toEqual([`${report} page ${i + 1}`, true]);
      }
    });
  });

  it('turns a wide sheet to landscape and keeps a narrow one upright', () => {
    const { pages } = printed.get('umearegionen')!;
    const orientation = (tab: string) => {
      const page = pages.find((p) => sheetOfPage(p) === tab)!;
      return page.width > page.height ? 'landscape' : 'portrait';
    };
    expect(orientation('Arbetsmarknadstorgen')).toBe('landscape');
    expect(orientation('Indikatorer')).toBe('portrait');
  });
});
