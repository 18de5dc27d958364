/**
 * Inställningar in real Chromium against the test stack. In a browser (no Office host) kansliet
 * downloads the 2024 settings, changes the target for andel positiv lösning from 70 % to 75 %,
 * uploads, sees the change listed and activates; a new consolidation for 2024 shows 75 % and
 * the 2023 report still 70 %; from Historik kansliet goes back to version 1 (70 % again) and
 * copies a year to the next. An administrator creates a förbund from the empty workbook and adds
 * a template as JSON, and one of the förbund's reporters signs in and submits. In Excel (the
 * in-page stand-in) kansliet inserts the sheets (again: the pane asks before replacing them),
 * edits a cell in the open workbook, uploads from it and sees the change.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { registry } from '../../shared/config/registry';
import { columnLetter } from '../../shared/model/layout';
import { resolveTemplate } from '../../shared/model/resolve';
import { findForbund } from '../../shared/model/selectors';
import { templateDefinitionSchema } from '../../shared/model/template-schema';
import { deltagareAvslut } from '../../shared/config/templates/deltagare-avslut';
import { documentYear, settingsAreas, yearDocuments } from '../../shared/settings';
import { call, devAuth } from '../api/api-client';
import { consistentFill, seededRng } from '../support/consistent-fill';
import { editWorkbook, inputCellAddresses } from '../support/fill-workbook';
import { repoRoot } from '../support/node-process';
import { pollUntil } from '../support/poll';
import { editSettings, summaryTarget, type SettingsEdit } from '../support/settings-workbook';
import { startTestStack, type TestStack } from '../support/test-stack';
import { launchChromium, skipReason } from './support/browser';
import { fakeExcelInitScript, type FakeWorkbookState } from './support/fake-excel-host';
import { ARTIFACTS, closeAll, shot as screenshot, signIn, watchPage } from './support/pane-page';
import { servePane, type PaneServer } from './support/serve-pane';

const reason = skipReason();
const describeE2e = reason ? describe.skip : describe;
if (reason) console.warn(reason);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const auth = devAuth();
let stack: TestStack;
let pane: PaneServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let excelPage: Page;
const requests: { url: string; method: string; body: string }[] = [];

const view = (id: string) => page.locator(`#view-${id}`);
const shot = (name: string) => screenshot(page, name);

async function download(trigger: () => Promise<void>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger()]);
  return readFileSync(await file.path());
}

async function uploadSettings(xlsx: Buffer): Promise<void> {
  const v = view('settings');
  await v
    .locator('input[name=settings-file]')
    .setInputFiles({ name: 'installningar.xlsx', mimeType: XLSX, buffer: xlsx });
  await v.getByRole('button', { name: 'Ladda upp filen' }).click();
}

async function consolidate(period: string): Promise<Buffer> {
  await page.getByRole('button', { name: 'Konsolidera' }).click();
  const v = view('konsolidera');
  await v.locator('select[name=period]').selectOption(period);
  await v.locator('.result').evaluate((el) => el.replaceChildren());
  await v.getByRole('button', { name: 'Sammanställ' }).click();
  await v.locator('.result .report-card').waitFor({ timeout: 30_000 });
  return download(() =>
    v
      .locator('.result')
      .getByRole('button', { name: /^Ladda ner/ })
      .click(),
  );
}

async function signOut(): Promise<void> {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.getByRole('heading', { name: 'Logga in' }).waitFor();
}

describeE2e('Inställningar in the task pane', () => {
  beforeAll(async () => {
    if (!existsSync(path.join(repoRoot, 'dist', 'pane', 'index.html')))
      throw new Error('dist/pane is missing: run `npm run build` first');
    mkdirSync(ARTIFACTS, { recursive: true });
    [stack, browser] = await Promise.all([
      startTestStack({ env: { ...auth.env, CONSOLIDATE_SYNC_MS: '60000' } }),
      launchChromium(),
    ]);
    pane = await servePane({ repoRoot, apiOrigin: stack.baseUrl });
    context = await browser.newContext({
      viewport: { width: 350, height: 900 },
      locale: 'sv-SE',
      acceptDownloads: true,
    });
    page = await context.newPage();
    watchPage(page, requests);
    excelPage = await context.newPage();
    watchPage(excelPage, requests);
    await excelPage.addInitScript(fakeExcelInitScript());
    await excelPage.route('**/office-js/office.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: '' }),
    );
    await page.bringToFront();
  }, 60_000);

  afterAll(() => closeAll({ context, browser, pane, stack }));

  it('kansliet changes 2024’s target for andel positiv lösning to 75 %, sees the change, activates it', async () => {
    await page.goto(`${pane.url}/index.html`);
    await signIn(page, 'kansli');
    await page.getByRole('button', { name: 'Inställningar' }).click();
    const v = view('settings');
    await v.locator('select[name=settings-year]').selectOption('2024');
    await v.getByText('Aktiv: version 1').waitFor();
    const xlsx = await download(() => v.getByRole('button', { name: 'Ladda ner', exact: true }).click());
    const edited = await editSettings(xlsx, [
      { table: 'mal', row: 'deltagare-avslut.andel_positiv', column: 'value', value: 75 },
    ]);
    await v.locator('textarea[name=settings-comment]').fill('Styrelsens beslut 2023-11-28');
    await uploadSettings(edited);
    const change = v.locator('.changes-table tbody tr');
    await change.first().waitFor();
    await expect(change.allTextContents()).resolves.toEqual([
      'Måldeltagare-avslut.andel_positiv (Andel positiv lösning)ÄndradMål: 70 → 75',
    ]);
    await v.getByText('Version 2 är sparad men gäller inte än').waitFor();
    await shot('20-installningar-andring');
    await v.getByRole('button', { name: 'Aktivera version 2', exact: true }).click();
    await v.getByText('Version 2 är aktiv.').waitFor();
    await v.getByText('Aktiv: version 2').waitFor();
    await expect(v.locator('.history-table tbody tr').first().textContent()).resolves.toContain(
      'Styrelsens beslut 2023-11-28',
    );
    await shot('21-installningar-aktiv');
  });

  it('a new 2024 consolidation shows 75 %; the 2023 report still shows 70 %', async () => {
    expect(await summaryTarget(await consolidate('2024T1'), 'Arbetsmarknadstorgen', 'Andel positiv lösning')).toBe(
      '≥ 75 %',
    );
    expect(await summaryTarget(await consolidate('2023T3'), 'Arbetsmarknadstorgen', 'Andel positiv lösning')).toBe(
      '≥ 70 %',
    );
  }, 60_000);

  it('from Historik kansliet goes back to version 1; the next 2024 consolidation shows 70 % again', async () => {
    await page.getByRole('button', { name: 'Inställningar' }).click();
    const v = view('settings');
    await v.locator('select[name=settings-year]').selectOption('2024');
    await v.getByText('Aktiv: version 2').waitFor();
    await v.getByRole('button', { name: 'Aktivera version 1 från historiken' }).click();
    // The pane asks first, in the pane (office.js refuses window.confirm in an add-in).
    await expect(v.locator('.message-bar.warning').textContent()).resolves.toContain('Gå tillbaka till version 1?');
    await v.getByRole('button', { name: 'Gå tillbaka till version 1' }).click();
    await v.getByText('Version 1 är aktiv.').waitFor();
    await v.getByText('Aktiv: version 1').waitFor();
    // Both versions stay in the history, the newest first.
    await expect(v.locator('.history-table tbody tr td:first-child').allTextContents()).resolves.toEqual(['2', '1']);
    expect(await summaryTarget(await consolidate('2024T1'), 'Arbetsmarknadstorgen', 'Andel positiv lösning')).toBe(
      '≥ 70 %',
    );
  }, 60_000);

  it('Kopiera till nästa år gives next year the settings of this one, active at once', async () => {
    const now = new Date().getFullYear();
    await page.getByRole('button', { name: 'Inställningar' }).click();
    const v = view('settings');
    await v.locator('select[name=settings-year]').selectOption(String(now));
    await v.getByText('Aktiv: version').waitFor();
    await v.getByRole('button', { name: `Kopiera till ${now + 1}` }).click();
    await v.getByText(`${now + 1} har nu inställningar, version 1.`).waitFor();
    await expect(v.locator('select[name=settings-year]').inputValue()).resolves.toBe(String(now + 1));
    await v.getByText('Aktiv: version 1').waitFor();
    await v.getByRole('heading', { name: `Historik ${now + 1}` }).waitFor();
  });

  it('an upload with errors lists them with their cells and stores nothing', async () => {
    await page.getByRole('button', { name: 'Inställningar' }).click();
    const v = view('settings');
    const xlsx = await download(() => v.getByRole('button', { name: 'Ladda ner', exact: true }).click());
    await uploadSettings(
      await editSettings(xlsx, [{ table: 'parter', row: 'vindeln', column: 'kommunkod', value: null }]),
    );
    const finding = v.locator('.settings-findings .finding.fel');
    await finding.first().waitFor();
    await expect(finding.first().textContent()).resolves.toContain(
      "'Parter och kommuner'!D11: Kommunen Vindelns kommun saknar kommunkod",
    );
    // The refusal's message stands by the button that sent the file, the findings under it.
    await expect(v.locator('[role=alert]').textContent()).resolves.toContain(
      'Inställningarna innehåller fel. Rätta cellerna i listan och ladda upp igen; inget har sparats.',
    );
    await shot('22-installningar-fel');
  });

  const newForbund = 'sodra-lappland';

  it('an administrator creates a förbund from the empty workbook', async () => {
    await signOut();
    await page.selectOption('select[name=role]', 'admin');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    const v = view('settings');
    await v.locator('select[name=admin-forbund]').selectOption('__nytt__');
    await v.locator('input[name=new-forbund]').fill(newForbund);
    await v.locator('input[name=new-forbund]').dispatchEvent('change');
    await v.locator('select[name=settings-year]').selectOption('2024');
    await v.getByText('Förbundet har inga inställningar ännu').waitFor();
    const blank = await download(() => v.getByRole('button', { name: 'Ladda ner', exact: true }).click());
    const party = (id: string, name: string, kind: string, kod: string | null, member: string, share: number | null) =>
      (
        [
          ['name', name],
          ['kind', kind],
          ['kommunkod', kod],
          ['fundingMember', member],
          ['share', share],
          ['id', id],
        ] as const
      ).map(([column, value]): SettingsEdit => ({ table: 'parter', row: 'new', column, value }));
    const filled = await editSettings(blank, [
      { table: 'namn', value: 'Samordningsförbundet Södra Lappland' },
      { table: 'kortnamn', value: 'Södra Lappland' },
      ...party('af', 'Arbetsförmedlingen', 'Arbetsförmedlingen', null, 'Nej', null),
      ...party('fk', 'Försäkringskassan', 'Försäkringskassan', null, 'Ja', null),
      ...party('region', 'Region Västerbotten', 'Regionen', null, 'Ja', null),
      ...party('lycksele', 'Lycksele kommun', 'Kommun', '2481', 'Ja', 100),
      { table: 'plattformar', row: 'new', column: 'name', value: 'Arbetsmarknadstorget Lycksele' },
      { table: 'plattformar', row: 'new', column: 'reportedBy', value: 'lycksele' },
      { table: 'plattformar', row: 'new', column: 'id', value: 'lyckseletorget' },
      { table: 'mallar', row: 'deltagare-avslut', column: 'used', value: 'Ja' },
    ]);
    await uploadSettings(filled);
    await v.locator('.changes-table').getByText('lycksele (Lycksele kommun)').waitFor();
    await v.getByRole('button', { name: 'Aktivera version 1', exact: true }).click();
    await v.getByText('Version 1 är aktiv.').waitFor();
    await shot('23-nytt-forbund');
  });

  it('the administrator adds a template as JSON in Mallar; a broken one is refused with its field', async () => {
    await page.getByRole('button', { name: 'Mallar', exact: true }).click();
    const v = view('templates');
    const builtIn = templateDefinitionSchema.parse(deltagareAvslut);
    const definition = {
      ...builtIn,
      id: 'motesplatser',
      title: 'Mötesplatser',
      sheetName: 'Mötesplatser',
      consolidation: { ...builtIn.consolidation!, sheetName: 'Mötesplatser', title: 'mötesplatsernas deltagare' },
    };
    const addFile = async (json: unknown) => {
      const buffer = Buffer.from(JSON.stringify(json));
      await v
        .locator('input[name=template-file]')
        .setInputFiles({ name: 'mall.json', mimeType: 'application/json', buffer });
      await v.getByRole('button', { name: 'Lägg till mallen' }).click();
    };
    await addFile({ ...definition, version: 'två' });
    await page.locator('[role=alert]', { hasText: 'Mallen följer inte mallschemat: version:' }).waitFor();
    await addFile(definition);
    await v.getByText('Mallen Mötesplatser (motesplatser) version 1 finns nu i katalogen.').waitFor();
    await expect(
      v.locator('.catalogue tbody tr', { hasText: 'Mötesplatser (motesplatser)' }).textContent(),
    ).resolves.toContain('Tillagd');
  });

  it('one of its reporters signs in at once and submits', async () => {
    await signOut();
    await page.selectOption('select[name=forbund]', newForbund);
    await page.selectOption('select[name=role]', 'reporter');
    await page.selectOption('select[name=party]', 'lycksele');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    const v = view('rapportera');
    await v.locator('select[name=year]').selectOption('2024');
    await v.locator('select[name=period] option[value="2024T1"]').waitFor({ state: 'attached' });
    await v.locator('select[name=period]').selectOption('2024T1');
    await v.locator('select[name=scope]').selectOption('lyckseletorget');
    const xlsx = await download(() => v.getByRole('button', { name: 'Ladda ner mallen' }).click());
    const token = await auth.token({ forbund: newForbund, party: 'lycksele', role: 'reporter' });
    const config = (await call(stack.apiUrl, 'GET', `/forbund/${newForbund}/configuration?year=2024`, { token })).json;
    const definition = templateDefinitionSchema.parse(
      config.templates.find((t: { id: string }) => t.id === 'deltagare-avslut'),
    );
    const values = consistentFill(resolveTemplate(definition, config.forbund, 2024), seededRng(5));
    const filled = await editWorkbook(xlsx, (workbook) => {
      const addresses = inputCellAddresses(workbook);
      for (const [id, value] of Object.entries(values)) {
        const where = addresses.get(id);
        if (where) where.sheet.getCell(where.address).value = value;
      }
    });
    await v.locator('input[name=upload]').setInputFiles({ name: 'ifylld.xlsx', mimeType: XLSX, buffer: filled });
    await v.getByRole('button', { name: 'Kontrollera filen' }).click();
    await v.locator('.findings.ok').waitFor();
    await v.getByRole('button', { name: 'Skicka in' }).click();
    await v.locator('.receipt').waitFor();
    await expect(v.locator('.receipt').textContent()).resolves.toMatch(/Inskickat – version 1/);
    await shot('24-nytt-forbund-inskickat');
  });

  it('in Excel, kansliet inserts the sheets, edits the open workbook and uploads from it', async () => {
    page = excelPage;
    await page.bringToFront();
    await page.goto(`${pane.url}/index.html`);
    // The stand-in cannot read an xlsx: it inserts the cells the settings workbook holds.
    const document = yearDocuments(findForbund(registry, 'umearegionen')!).find((d) => documentYear(d) === 2025)!;
    const sheets = new Map<string, Record<string, unknown>>();
    for (const area of settingsAreas(document, { templates: registry.templates, year: 2025 }, 1).values()) {
      const cells = sheets.get(area.sheet) ?? {};
      area.cells.forEach((row, r) =>
        row.forEach((c, i) => {
          if (c.kind === 'value' && c.raw !== null) cells[`${columnLetter(area.left + i)}${area.top + r}`] = c.raw;
        }),
      );
      sheets.set(area.sheet, cells);
    }
    await page.evaluate(
      (inserted) => {
        (window as unknown as { __fakeExcel: FakeWorkbookState }).__fakeExcel.insertable = inserted;
      },
      [...sheets].map(([name, cells]) => ({ name, cells })),
    );
    await signIn(page, 'kansli');
    await page.getByRole('button', { name: 'Inställningar' }).click();
    const v = view('settings');
    await v.locator('select[name=settings-year]').selectOption('2025');
    await v.getByText('Aktiv: version 1').waitFor();
    await v.getByRole('button', { name: 'Infoga i arbetsboken' }).click();
    const fake = (): Promise<FakeWorkbookState> =>
      page.evaluate(() => (window as unknown as { __fakeExcel: FakeWorkbookState }).__fakeExcel);
    const mal = await pollUntil(async () => (await fake()).names.find((n) => n.name === 'INST.mal'), {
      what: 'the settings names in the workbook',
    });
    expect(mal).toMatchObject({ sheet: 'Mål' });
    // Inserting again asks before it replaces the sheets.
    await v.getByRole('button', { name: 'Infoga i arbetsboken' }).click();
    await v.getByRole('button', { name: 'Ersätt bladen' }).click();
    await v.locator('.message-bar.warning').waitFor({ state: 'detached' });
    // Kansliet types 72 into the target cell of andel positiv lösning (the first row under the header).
    await page.evaluate(() => {
      const state = (window as unknown as { __fakeExcel: FakeWorkbookState }).__fakeExcel;
      const sheet = state.sheets.find((s) => s.name === 'Mål')!;
      const row = Object.entries(sheet.cells)
        .find(([, v]) => v === 'deltagare-avslut.andel_positiv')![0]
        .slice(1);
      sheet.cells[`D${row}`] = 72;
    });
    await v.getByRole('button', { name: 'Ladda upp från arbetsboken' }).click();
    await v.locator('.changes-table tbody tr').first().waitFor();
    await expect(v.locator('.changes-table tbody tr').first().textContent()).resolves.toContain('Mål: 70 → 72');
    await v.getByRole('button', { name: 'Aktivera version 2', exact: true }).click();
    await v.getByText('Aktiv: version 2').waitFor();
    await shot('25-excel-installningar');
    const sent = requests.filter((r) => r.url.endsWith('/settings/2025/versions') && r.method === 'POST');
    expect(JSON.parse(sent[0]!.body).workbook.mal.sheet).toBe('Mål');
  });
});
