/**
 * The task pane in real Chromium against the local stack, in browser mode (office.js loaded,
 * no Office host): a party downloads the template, uploads it filled with an error, sees the
 * finding with its cell, uploads the correction and gets a receipt; another party aggregates its
 * own participant table in the page and sends only the counts; kansliet approves in Status,
 * consolidates, and the downloaded workbook holds the figures. A screenshot of each view goes
 * to test-artifacts/e2e/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TableClient } from '@azure/data-tables';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { locateChartTables, type SheetGrid } from '../../addin/src/excel/chart-plan';
import { aggregateParticipants } from '../../shared/aggregation/aggregate-participants';
import { suggestMapping } from '../../shared/aggregation/table-mapping';
import { registry } from '../../shared/config/registry';
import { columnLetter, layoutTemplate } from '../../shared/model/layout';
import { periodSpan, requirePeriod } from '../../shared/model/period';
import { resolveTemplate } from '../../shared/model/resolve';
import { findForbund, findTemplate } from '../../shared/model/selectors';
import { SUBMISSIONS_TABLE } from '../../functions/services';
import { devAuth } from '../api/api-client';
import { aktualiseradeUmea2023, tabell1Arbetsmarknadstorgen2023 } from '../fixtures/seeds/seed-004-tabell-1';
import { editWorkbook, inputCellAddresses } from '../support/fill-workbook';
import { repoRoot } from '../support/node-process';
import { pollUntil } from '../support/poll';
import { startTestStack, type TestStack } from '../support/test-stack';
import { launchChromium, skipReason } from './support/browser';
import { fakeExcelInitScript, type FakeWorkbookState } from './support/fake-excel-host';
import { ARTIFACTS, closeAll, shot as screenshot, signIn as signInAs, watchPage } from './support/pane-page';
import { servePane, type PaneServer } from './support/serve-pane';

const reason = skipReason();
const describeE2e = reason ? describe.skip : describe;
if (reason) console.warn(reason);

const seedValues: Record<string, number> = { ...tabell1Arbetsmarknadstorgen2023, ...aktualiseradeUmea2023 };
const umearegionen = findForbund(registry, 'umearegionen')!;
const TEMPLATE_SHEET = 'Deltagare och avslut';
const positions = layoutTemplate(
  resolveTemplate(findTemplate(registry, 'deltagare-avslut', 2023)!, umearegionen, 2023),
).positions;
/** Template values as cells of the template sheet: what a user types in Excel. */
const asCells = (values: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(values).map(([id, v]) => [positions.get(id)!.a1, v]));

/** A coordinator's own table at Vuxentorget: names and dates are row-level and must never leave the page. */
const OWN_TABLE = [
  ['Namn', 'Kön', 'Födelseår', 'Startdatum', 'Avslutsdatum', 'Avslutsorsak', 'Aktualiserande part', 'Plattform'],
  ['Astrid Testsson', 'Kvinna', '1987', '2022-11-14', '', '', 'Socialtjänsten', 'Vuxentorget'],
  ['Bertil Provsson', 'Man', '1979', '2023-02-03', '2023-09-29', 'Arbete', 'AF', 'Vuxentorget'],
  ['Cecilia Exempelsdotter', 'K', '1990', '2023-03-17', '2023-06-30', 'Studier', 'FK', 'Vuxentorget'],
  ['David Fiktivsson', 'M', '1968', '2023-05-22', '2023-11-08', 'Hälsoskäl', 'Region', 'Vuxentorget'],
  ['Eva Påhittad', 'kvinna', '1995', '2023-08-01', '', '', 'Övriga kommunala verksamheter', 'Vuxentorget'],
  ['Fredrik Låtsasson', 'Man', '1983', '2023-09-12', '2023-12-01', 'Avbrott', 'Socialtjänsten', 'Vuxentorget'],
  ['Greta Ungdomsdotter', 'Kvinna', '2004', '2023-04-04', '', '', 'AF', 'Ungdomstorget'],
  ['Harald Utanperiodsson', 'Man', '1961', '2021-01-11', '2022-06-15', 'Arbete', 'FK', 'Vuxentorget'],
  ['Ingrid Utandatum', 'Kvinna', '1999', '', '', '', 'AF', 'Vuxentorget'],
];
/** Names, birth years and dates: what identifies a person. */
const ROW_LEVEL = OWN_TABLE.slice(1).flatMap((row) => [row[0]!, row[2]!, row[3]!, row[4]!].filter((v) => v !== ''));

let stack: TestStack;
let pane: PaneServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** The same pane with an Excel host standing in (see fake-excel-host.ts). */
let excelPage: Page;
let browserPage: Page;
const requests: { url: string; method: string; body: string }[] = [];

/** A screenshot of the current page, with the layout and label checks of support/pane-page.ts. */
function shot(name: string): Promise<void> {
  return screenshot(page, name);
}

/** Switches to a page and brings its tab to the front: Chromium throttles timers and frames in background tabs. */
async function usePage(next: Page): Promise<void> {
  page = next;
  await page.bringToFront();
}

function view(id: string) {
  return page.locator(`#view-${id}`);
}

function signIn(role: 'reporter' | 'kansli', party?: string): Promise<void> {
  return signInAs(page, role, party);
}

/** År → mall → period → omfång, waiting for each list to be filled from the API. */
async function choose(
  viewId: string,
  target: { year: string; template: string; period: string; scope: string },
): Promise<void> {
  const v = view(viewId);
  await v.locator('select[name=year]').selectOption(target.year);
  await v.locator(`select[name=period] option[value="${target.period}"]`).waitFor({ state: 'attached' });
  await v.locator('select[name=template]').selectOption(target.template);
  await v.locator('select[name=period]').selectOption(target.period);
  await v.locator('select[name=scope]').selectOption(target.scope);
}

async function download(trigger: () => Promise<void>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger()]);
  return readFileSync(await file.path());
}

async function fill(xlsx: Buffer, values: Record<string, number>): Promise<Buffer> {
  return editWorkbook(xlsx, (workbook) => {
    const addresses = inputCellAddresses(workbook);
    for (const [id, value] of Object.entries(values)) {
      const where = addresses.get(id);
      if (!where) throw new Error(`no input cell ${id}`);
      where.sheet.getCell(where.address).value = value;
    }
  });
}

async function grids(xlsx: Buffer): Promise<SheetGrid[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map((sheet) => {
    const values: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: unknown[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        const v = row.getCell(c).value;
        cells.push(v !== null && typeof v === 'object' && 'result' in v ? v.result : v);
      }
      values[r - 1] = cells;
    });
    return { sheet: sheet.name, top: 1, left: 1, values: Array.from(values, (row) => row ?? []) };
  });
}

describeE2e('the task pane in a browser (no Office host)', () => {
  beforeAll(async () => {
    if (!existsSync(path.join(repoRoot, 'dist', 'pane', 'index.html')))
      throw new Error('dist/pane is missing: run `npm run build` first');
    mkdirSync(ARTIFACTS, { recursive: true });
    const auth = devAuth();
    // A failing job goes to the poison queue after two deliveries, without a pause between them.
    const failFast = {
      AzureFunctionsJobHost__extensions__queues__maxDequeueCount: '2',
      AzureFunctionsJobHost__extensions__queues__visibilityTimeout: '00:00:00',
    };
    [stack, browser] = await Promise.all([startTestStack({ env: { ...auth.env, ...failFast } }), launchChromium()]);
    pane = await servePane({ repoRoot, apiOrigin: stack.baseUrl });
    context = await browser.newContext({
      viewport: { width: 350, height: 900 },
      locale: 'sv-SE',
      acceptDownloads: true,
    });
    for (const excel of [false, true]) {
      const p = await context.newPage();
      watchPage(p, requests);
      if (excel) {
        await p.addInitScript(fakeExcelInitScript());
        // The fake defines Office; the real office.js must not replace it.
        await p.route('**/office-js/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
        excelPage = p;
      } else browserPage = p;
    }
    await usePage(browserPage);
  }, 60_000);

  afterAll(() => closeAll({ context, browser, pane, stack }));

  it('signs a party in with the development login', async () => {
    await page.goto(`${pane.url}/index.html`);
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    await shot('01-inloggning');
    await signIn('reporter', 'umea');
    await view('rapportera').getByRole('heading', { name: 'Rapportera' }).waitFor();
    await expect(page.locator('.who-name').textContent()).resolves.toContain('Rapportör');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Rapportera');
  });

  let xlsx: Buffer;
  it("downloads the template, shows an upload's error with its cell, sends the correction: a receipt", async () => {
    const v = view('rapportera');
    await choose('rapportera', {
      year: '2023',
      template: 'deltagare-avslut',
      period: '2023T3',
      scope: 'ungdomstorget',
    });
    xlsx = await download(() => v.getByRole('button', { name: 'Ladda ner mallen' }).click());
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');

    const wrong = await fill(xlsx, {
      ...seedValues,
      'deltagare.antal.k': 9,
      'deltagare.antal.m': 15,
      'deltagare.antal.tot': 25,
    });
    await v.locator('input[name=upload]').setInputFiles({
      name: 'ifylld.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: wrong,
    });
    await v.getByRole('button', { name: 'Kontrollera filen' }).click();
    const finding = v.locator('.finding.fel').first();
    await expect(finding.textContent()).resolves.toContain("'Deltagare och avslut'!D7");
    await expect(finding.textContent()).resolves.toContain('Totalt ska vara Kvinnor + Män');
    await expect(v.getByRole('button', { name: 'Skicka in' }).isDisabled()).resolves.toBe(true);
    await shot('02-rapportera-fel');

    const right = await fill(xlsx, seedValues);
    await v.locator('input[name=upload]').setInputFiles({
      name: 'ifylld.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: right,
    });
    await v.getByRole('button', { name: 'Kontrollera filen' }).click();
    await v.locator('.findings.ok').waitFor();
    await v.getByRole('button', { name: 'Skicka in' }).click();
    const receipt = v.locator('.receipt');
    await receipt.waitFor();
    await expect(receipt.textContent()).resolves.toMatch(/Inskickat – version 1.*Mottaget/);
    await shot('03-rapportera-kvitto');
  });

  it('aggregates a pasted table of its own in the page and sends only the counts', async () => {
    const before = requests.length;
    await page.getByRole('button', { name: 'Från egen tabell' }).click();
    const v = view('egen-tabell');
    await choose('egen-tabell', { year: '2023', template: 'deltagare-avslut', period: '2023T3', scope: 'vuxentorget' });
    await v.locator('textarea[name=paste]').fill(OWN_TABLE.map((row) => row.join('\t')).join('\n'));
    await v.getByRole('button', { name: 'Läs in' }).click();
    // Headers recognised without help; the name column is left out.
    await expect(v.locator('select[name=column-kon]').inputValue()).resolves.toBe('Kön');
    await expect(v.locator('select[name=column-aktualiserande_part]').inputValue()).resolves.toBe(
      'Aktualiserande part',
    );
    await expect(v.locator('select[name=column-plattform]').inputValue()).resolves.toBe('Plattform');
    await expect(v.locator('select[name="value-kon-k"]').inputValue()).resolves.toBe('k');
    await v.getByRole('button', { name: 'Räkna' }).click();
    await v.locator('.rejected-rows').waitFor();
    await expect(v.locator('.rejected-rows').textContent()).resolves.toContain('Rad 10: Startdatum saknas.');
    await expect(v.locator('.facts').textContent()).resolves.toContain('1 rad gäller andra plattformar');
    await v.locator('.findings.ok').waitFor();
    await shot('04-egen-tabell');
    await v.getByRole('button', { name: 'Skicka in' }).click();
    await v.locator('.receipt').waitFor();

    // What was sent is the aggregate, exactly; nothing row-level left the page.
    const sent = requests.slice(before).filter((r) => r.url.endsWith('/api/forbund/umearegionen/submissions'));
    expect(sent).toHaveLength(1);
    const body = JSON.parse(sent[0]!.body) as { values: Record<string, number>; scope: string };
    const table = { headers: OWN_TABLE[0]!, rows: OWN_TABLE.slice(1), firstRowNumber: 2 };
    const expected = aggregateParticipants(table, suggestMapping(table, umearegionen.platforms), {
      span: periodSpan(requirePeriod('2023T3'), true),
      platform: 'vuxentorget',
    });
    expect(body).toMatchObject({
      templateId: 'deltagare-avslut',
      period: '2023T3',
      scope: 'vuxentorget',
      values: expected.values,
    });
    expect(body.values['deltagare.antal.tot']).toBe(6);
    for (const request of requests.slice(before)) {
      for (const value of ROW_LEVEL) {
        expect(request.body).not.toContain(value);
        expect(decodeURIComponent(request.url)).not.toContain(value);
      }
    }
    await shot('05-egen-tabell-kvitto');
  });

  const fake = (): Promise<FakeWorkbookState> =>
    page.evaluate(() => (window as unknown as { __fakeExcel: FakeWorkbookState }).__fakeExcel);

  it("in Excel: inserts the template, marks findings, selects a finding's cell, sends corrected values", async () => {
    await usePage(excelPage);
    await page.goto(`${pane.url}/index.html`);
    await signIn('reporter', 'umea');
    const v = view('rapportera');
    await v.getByRole('button', { name: 'Infoga mall' }).waitFor();
    await choose('rapportera', {
      year: '2023',
      template: 'deltagare-avslut',
      period: '2023T2',
      scope: 'ungdomstorget',
    });
    await page.evaluate((sheet) => {
      (window as unknown as { __fakeExcel: FakeWorkbookState }).__fakeExcel.insertable = [{ name: sheet, cells: {} }];
    }, TEMPLATE_SHEET);
    await v.getByRole('button', { name: 'Infoga mall' }).click();
    await v.getByText(`Mallen finns nu på bladet ”${TEMPLATE_SHEET}”`).waitFor();
    // The names the host did not bring along were restored from the template's layout.
    expect((await fake()).names).toHaveLength(positions.size);

    const type = (cells: Record<string, number>) =>
      page.evaluate(
        ({ sheet, cells }) =>
          Object.assign(
            (window as unknown as { __fakeExcel: FakeWorkbookState }).__fakeExcel.sheets.find((s) => s.name === sheet)!
              .cells,
            cells,
          ),
        { sheet: TEMPLATE_SHEET, cells },
      );
    await type(asCells({ ...seedValues, 'deltagare.antal.k': 9, 'deltagare.antal.m': 15, 'deltagare.antal.tot': 25 }));
    const syncsBeforeCheck = (await fake()).syncs;
    await v.getByRole('button', { name: 'Kontrollera' }).click();
    const first = v.locator('.finding-button').first();
    await expect(first.textContent()).resolves.toContain("'Deltagare och avslut'!D7");
    let state = await fake();
    // Read, validate and mark are one Excel.run (issue 7: at most three round trips per action).
    expect(state.syncs - syncsBeforeCheck).toBe(3);
    const sheet = state.sheets.find((s) => s.name === TEMPLATE_SHEET)!;
    expect(sheet.fills.D7).toBe('#F4B6B6');
    expect(sheet.fills.B7).toBe('#FFF2CC');
    expect(sheet.protected).toBe(true);
    expect(
      state.notes.some((n) => n.address === "'Deltagare och avslut'!D7" && n.content.startsWith('Samlad: Fel i')),
    ).toBe(true);
    await shot('08-excel-rapportera-fel');
    await first.click();
    await pollUntil(async () => (await fake()).selected.includes(`${TEMPLATE_SHEET}!D7`), {
      what: "the finding's cell to be selected",
    });

    await type(asCells(seedValues));
    await v.getByRole('button', { name: 'Kontrollera' }).click();
    await v.locator('.findings.ok').waitFor();
    state = await fake();
    expect(state.notes).toEqual([]);
    await v.getByRole('button', { name: 'Skicka in' }).click();
    await expect(v.locator('.receipt').textContent()).resolves.toContain('Inskickat – version 1');
    const sent = requests.filter((r) => r.url.endsWith('/submissions') && r.body.includes('"2023T2"'));
    expect(JSON.parse(sent[0]!.body).values).toEqual(seedValues);

    // Inserting again asks before replacing the sheet.
    await v.getByRole('button', { name: 'Infoga mall' }).click();
    await v.getByRole('button', { name: 'Ersätt bladet' }).waitFor();
    await shot('09-excel-rapportera-kvitto');
  });

  it('in Excel: reads the own table, writes the counts into the template, keeps the mapping in it', async () => {
    await page.getByRole('button', { name: 'Från egen tabell' }).click();
    const v = view('egen-tabell');
    await choose('egen-tabell', { year: '2023', template: 'deltagare-avslut', period: '2023T3', scope: 'vuxentorget' });
    const cells: Record<string, string> = {};
    OWN_TABLE.forEach((row, r) => row.forEach((value, c) => (cells[`${columnLetter(c + 1)}${r + 1}`] = value)));
    await page.evaluate((cells) => {
      const state = (window as unknown as { __fakeExcel: FakeWorkbookState }).__fakeExcel;
      state.sheets.push({ name: 'Mina deltagare', cells, fills: {}, protected: false });
      state.selection = { sheet: 'Mina deltagare', region: `A1:H${Object.keys(cells).length / 8}` };
    }, cells);
    const syncsBeforeRead = (await fake()).syncs;
    await v.getByRole('button', { name: 'Läs tabellen' }).click();
    await v.getByText('Tabell på bladet ”Mina deltagare” (A1:H10): 9 rader.').waitFor();
    // The block around the selection and the (absent) stored mapping share one round trip.
    expect((await fake()).syncs - syncsBeforeRead).toBe(1);
    await v.getByRole('button', { name: 'Räkna' }).click();
    await v.locator('.findings.ok').waitFor();
    expect((await fake()).customXml).toHaveLength(1);
    const syncsBeforeShow = (await fake()).syncs;
    await v.getByRole('button', { name: 'Visa i mallen' }).click();
    await pollUntil(
      async () =>
        (await fake()).sheets.find((s) => s.name === TEMPLATE_SHEET)?.cells[
          positions.get('deltagare.antal.tot')!.a1
        ] === 6,
      { what: 'the counts in the template sheet' },
    );
    // The sheet is already there from Rapportera, so one Excel.run of two round trips: the names, then the values.
    expect((await fake()).syncs - syncsBeforeShow).toBe(2);
    await shot('10-excel-egen-tabell');
    expect((await fake()).largestPayload).toBeLessThan(5_000_000);
    // The stand-in refuses a round trip over 5 MB as Excel on the web does: 100,000 rows × 10 in one read.
    const refused = await page.evaluate(async () => {
      type Range = { load(what: string): void };
      type Context = { workbook: { worksheets: { getItem(name: string): { getRange(a: string): Range } } } };
      type Batch = (context: Context & { sync(): Promise<void> }) => Promise<void>;
      const w = window as unknown as { __fakeExcel: FakeWorkbookState; Excel: { run(batch: Batch): Promise<void> } };
      const state = w.__fakeExcel;
      const cells: Record<string, unknown> = {};
      for (let r = 1; r <= 100_000; r++) for (const c of 'ABCDEFGHIJ') cells[`${c}${r}`] = `Handläggare ${r % 40}`;
      state.sheets.push({ name: 'Stor', cells, fills: {}, protected: false });
      try {
        await w.Excel.run(async (context) => {
          const range = context.workbook.worksheets.getItem('Stor').getRange('A1:J100000');
          range.load('values');
          await context.sync();
        });
        return 'read';
      } catch (error) {
        return (error as { code?: string }).code;
      } finally {
        state.sheets = state.sheets.filter((sheet) => sheet.name !== 'Stor');
      }
    });
    expect(refused).toBe('RequestPayloadSizeLimitExceeded');
    await usePage(browserPage);
  });

  it('lets kansliet see the status matrix and approve', async () => {
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await signIn('kansli');
    const v = view('status');
    await v.locator('select[name=period]').selectOption('2023T3');
    const approve = v.getByRole('button', { name: 'Godkänn Deltagare och avslut per plattform, Ungdomstorget' });
    await approve.click();
    await v.locator('tr', { hasText: 'Ungdomstorget' }).locator('.badge.state-godkand').waitFor();
    await expect(v.locator('tr', { hasText: 'Vuxentorget' }).locator('.badge').allTextContents()).resolves.toEqual([
      'Inskickad',
      // 2023T3's default deadline passed long before this test runs.
      'Sen',
    ]);
    await shot('06-status');
  });

  it('lets kansliet consolidate with progress and download a workbook that holds the figures', async () => {
    await page.getByRole('button', { name: 'Konsolidera' }).click();
    const v = view('konsolidera');
    await v.locator('select[name=period]').selectOption('2023T3');
    await v.locator('select[name=basis]').selectOption('latest');
    await v.getByRole('button', { name: 'Sammanställ' }).click();
    await v.locator('.result .report-card').waitFor({ timeout: 30_000 });
    await shot('07-konsolidera');
    const report = await download(() =>
      v
        .locator('.result')
        .getByRole('button', { name: /^Ladda ner/ })
        .click(),
    );
    const sheets = await grids(report);
    const ungdomstorget = sheets.find((s) => String(s.values[0]?.[0] ?? '').startsWith('Ungdomstorget'));
    const antal = ungdomstorget?.values.find((row) => row[0] === 'Antal deltagare');
    expect(antal?.slice(1, 4)).toEqual([398, 374, 772]);
    // The pane's chart planner finds its figures in the real workbook, by name through the chart index.
    const tables = locateChartTables(
      sheets,
      [],
      sheets.map((g) => g.sheet),
    );
    expect(tables.map((t) => t.title)).toEqual([
      'Andel positiv lösning (%)',
      'Impactindex',
      'Impactindex per målområde 2023',
      'Helårsekvivalenter som andel av befolkningen, Umeåregionen och riket (%)',
    ]);
    expect(tables[0]!.rowLabels).toEqual(expect.arrayContaining(['Ungdomstorget', 'Vuxentorget']));

    // In Excel, the same report goes into the workbook with native charts on a Diagram sheet.
    await usePage(excelPage);
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await signIn('kansli');
    await page.getByRole('button', { name: 'Konsolidera' }).click();
    const x = view('konsolidera');
    await page.evaluate(
      (inserted) => {
        (window as unknown as { __fakeExcel: FakeWorkbookState }).__fakeExcel.insertable = inserted;
      },
      sheets.map((g) => ({
        name: g.sheet,
        cells: Object.fromEntries(
          g.values.flatMap((row, r) => row.map((v, c) => [`${columnLetter(c + 1)}${r + 1}`, v ?? ''])),
        ),
      })),
    );
    await x.locator('select[name=period]').selectOption('2023T3');
    await x.getByRole('button', { name: 'Infoga i arbetsboken' }).first().click();
    const charts = await pollUntil(
      async () => {
        const titles = (await fake()).charts.map((c) => c.title);
        return titles.length >= 4 ? titles : undefined;
      },
      { what: 'the native charts' },
    );
    expect(charts).toEqual([
      'Andel positiv lösning (%)',
      'Impactindex',
      'Impactindex per målområde 2023',
      'Helårsekvivalenter som andel av befolkningen, Umeåregionen och riket (%)',
    ]);
    await x.getByText('4 diagram på bladet ”Diagram”').waitFor();
    await shot('11-excel-konsolidera');
  }, 45_000);

  it("tells kansliet in Swedish, with the job's error code, when a consolidation fails on every try", async () => {
    // Storage damaged under one of the period's submissions: every build of its report fails.
    const table = TableClient.fromConnectionString(stack.connectionString, SUBMISSIONS_TABLE, {
      allowInsecureConnection: true,
    });
    let damaged = false;
    for await (const e of table.listEntities({ queryOptions: { filter: "PartitionKey eq 'umearegionen_2023T3'" } }))
      if (!damaged && typeof e['values0'] === 'string') {
        await table.updateEntity({ partitionKey: e.partitionKey!, rowKey: e.rowKey!, values0: '{"trasig' }, 'Merge');
        damaged = true;
      }
    expect(damaged).toBe(true);
    await usePage(browserPage);
    await page.getByRole('button', { name: 'Konsolidera' }).click();
    const v = view('konsolidera');
    await v.locator('select[name=period]').selectOption('2023T3');
    await v.locator('select[name=basis]').selectOption('latest');
    await v.getByRole('button', { name: 'Sammanställ' }).click();
    await page
      .getByRole('alert')
      .getByText(/Sammanställningen misslyckades efter 2 försök \(felkod [0-9a-f-]{36}\)/)
      .waitFor({ timeout: 60_000 });
    await shot('12-konsolidera-misslyckad');
  }, 90_000);
});
