/**
 * Importera SCB in real Chromium against the local stack (browser mode): kansliet chooses SCB's
 * helårsekvivalenter table as Statistikdatabasen serves it (HE0000T02N2 / TAB1386, made-up
 * figures in the real layout), sees what was chosen and left out and the first half-year per
 * kommun and riket, and sends it; the API then holds exactly those values, with a month SCB
 * gives as ".." making the half-year missing. Files that are not the table, or cannot give what
 * the report needs, are refused in Swedish and nothing is stored. Screenshots go to test-artifacts/e2e/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { registry } from '../../shared/config/registry';
import { scbHelarsekvivalenter } from '../../shared/config/scb-helarsekvivalenter';
import { resolveTemplate } from '../../shared/model/resolve';
import { findForbund, findTemplate } from '../../shared/model/selectors';
import { importScb, previewScbPeriod, readScbText } from '../../shared/scb';
import { call, devAuth } from '../api/api-client';
import { repoRoot } from '../support/node-process';
import { startTestStack, type TestStack } from '../support/test-stack';
import { launchChromium, skipReason } from './support/browser';
import { ARTIFACTS, closeAll, shot, signIn, watchPage } from './support/pane-page';
import { servePane, type PaneServer } from './support/serve-pane';

const reason = skipReason();
const describeE2e = reason ? describe.skip : describe;
if (reason) console.warn(reason);

const fixtures = path.join(repoRoot, 'tests', 'fixtures', 'scb');
const CSV = 'he0000t02n2-umearegionen.csv';
const XLSX = 'he0000t02n2-umearegionen.xlsx';
const csv = readFileSync(path.join(fixtures, CSV), 'utf8');
const xlsx = readFileSync(path.join(fixtures, XLSX));
const umearegionen = findForbund(registry, 'umearegionen')!;
const templateFor = (period: string) =>
  resolveTemplate(
    findTemplate(registry, 'helarsekvivalenter', Number(period.slice(0, 4)))!,
    umearegionen,
    Number(period.slice(0, 4)),
  );

/** What the pane should send for a CSV text and period: the same shared code, run here in Node. */
function expectedValues(text: string, period: string): Record<string, number | null> {
  const read = readScbText('he.csv', new TextEncoder().encode(text));
  if (!read.ok) throw new Error(read.message);
  const found = importScb(read, umearegionen, templateFor, scbHelarsekvivalenter);
  if (!found.ok) throw new Error(found.message);
  return previewScbPeriod(found, umearegionen, templateFor(period), period, scbHelarsekvivalenter).values;
}

/** The CSV with each data row passed through `edit` (fields unquoted; null drops the row). */
function editRows(edit: (fields: string[]) => string[] | null): string {
  const [header, ...rows] = csv.split('\r\n');
  const out = rows.flatMap((line) => {
    if (line === '') return [line];
    const fields = line.split(',').map((f) => f.replace(/^"|"$/g, ''));
    const edited = edit(fields);
    return edited ? [edited.map((f, i) => (i < 4 ? `"${f}"` : f)).join(',')] : [];
  });
  return [header, ...out].join('\r\n');
}
/** Column of a month in the CSV's data rows (four stub columns, then 2022M01 …). */
const month = (m: string) => 4 + (Number(m.slice(0, 4)) - 2022) * 12 + Number(m.slice(5)) - 1;
const totalt = (f: string[], region: string, content: string) =>
  f[0] === region && f[1] === 'män och kvinnor totalt' && f[2] === '20–64 år' && f[3] === content;
const dotted = (region: string, content: string, m: string) =>
  editRows((f) => (totalt(f, region, content) ? f.map((v, i) => (i === month(m) ? '..' : v)) : f));

/** Text from the file that is not a template value: it must never leave the page. */
const FILE_ONLY = ['Sjuk- och aktivitetsersersättning', '20–64 år', '2023M01', 'Umeå"'];

let stack: TestStack;
let pane: PaneServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let kansliToken: string;
const requests: { url: string; method: string; body: string }[] = [];

const view = () => page.locator('#view-scb');
const cell = (row: string, column: string) => view().locator(`td[data-kommun="${row}"][data-column="${column}"]`);
const cellText = (row: string, column: string) =>
  cell(row, column)
    .textContent()
    .then((t) => t?.replace(/\s/g, ' '));

async function choose(name: string, content: string | Buffer): Promise<void> {
  await view()
    .locator('input[name=scb-file]')
    .setInputFiles({
      name,
      mimeType: name.endsWith('.json')
        ? 'application/json'
        : name.endsWith('.xlsx')
          ? 'application/octet-stream'
          : 'text/csv',
      buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    });
  await view().getByRole('button', { name: 'Läs in filen' }).click();
}

/** Kansliet's helårsekvivalenter submission for the period as the API stores it, if any. */
async function stored(
  period: string,
): Promise<{ version: number; party: string; scope: string; values: Record<string, unknown> } | undefined> {
  const base = `/api/forbund/umearegionen`;
  const list = await call(stack.baseUrl, 'GET', `${base}/submissions?period=${period}`, { token: kansliToken });
  expect(list.status).toBe(200);
  const current = (list.json.current as { id: string; templateId: string }[]).find(
    (s) => s.templateId === 'helarsekvivalenter',
  );
  if (!current) return undefined;
  const one = await call(stack.baseUrl, 'GET', `${base}/submissions/${encodeURIComponent(current.id)}`, {
    token: kansliToken,
  });
  expect(one.status).toBe(200);
  return one.json;
}

async function storedVersions(): Promise<number> {
  const lists = await Promise.all(
    ['2022H1', '2023H1'].map((p) =>
      call(stack.baseUrl, 'GET', `/api/forbund/umearegionen/submissions?period=${p}`, { token: kansliToken }),
    ),
  );
  return lists.reduce((n, l) => n + (l.json.versions as unknown[]).length, 0);
}

describeE2e('Importera SCB in the task pane (browser)', () => {
  beforeAll(async () => {
    if (!existsSync(path.join(repoRoot, 'dist', 'pane', 'index.html')))
      throw new Error('dist/pane is missing: run `npm run build` first');
    mkdirSync(ARTIFACTS, { recursive: true });
    const auth = devAuth();
    [stack, browser] = await Promise.all([startTestStack({ env: auth.env }), launchChromium()]);
    kansliToken = await auth.token({ forbund: 'umearegionen', role: 'kansli' });
    pane = await servePane({ repoRoot, apiOrigin: stack.baseUrl });
    context = await browser.newContext({ viewport: { width: 400, height: 900 }, locale: 'sv-SE' });
    page = await context.newPage();
    watchPage(page, requests);
    await page.goto(`${pane.url}/index.html`);
    await signIn(page, 'kansli');
    await page.getByRole('button', { name: 'Importera SCB' }).click();
    await view().getByRole('heading', { name: 'Importera SCB' }).waitFor();
  }, 60_000);

  afterAll(() => closeAll({ context, browser, pane, stack }));

  it("reads SCB's CSV in the page, says what it chose and left out, sends the half-year: a receipt", async () => {
    const before = requests.length;
    await choose(CSV, csv);
    await view().locator('.scb-table').waitFor();
    await expect(view().locator('.facts p').first().textContent()).resolves.toBe(
      'Läst som CSV. Första halvåret 2023 och 2022 finns i filen för förbundets kommuner.',
    );
    await expect(view().locator('.scb-choices li').allTextContents()).resolves.toEqual([
      'Kön: män och kvinnor totalt; män och kvinnor var för sig lämnas utanför.',
      'Åldersgrupp: 20–64 år; 20–65 år lämnas utanför.',
      'Regioner: förbundets 6 kommuner och riket.',
      'Månader: 2022M01–2023M12. Första halvåret är medelvärdet av januari–juni; övriga månader används inte.',
    ]);
    const period = view().locator('select[name=period]');
    await expect(
      period.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
    ).resolves.toEqual(['2023H1', '2022H1']);
    await expect(period.inputValue()).resolves.toBe('2023H1');
    await expect(cellText('umea', 'summa')).resolves.toBe('7 293');
    await expect(cellText('umea', 'befolkning_20_64')).resolves.toBe('78 420');
    await expect(cellText('riket', 'andel')).resolves.toBe('11,82');
    await period.selectOption('2022H1');
    await page.waitForFunction(
      () =>
        document
          .querySelector('td[data-kommun="umea"][data-column="befolkning_20_64"]')
          ?.textContent?.replace(/\s/g, ' ') === '77 850',
    );
    await period.selectOption('2023H1');
    await page.waitForFunction(
      () =>
        document
          .querySelector('td[data-kommun="umea"][data-column="befolkning_20_64"]')
          ?.textContent?.replace(/\s/g, ' ') === '78 420',
    );
    await expect(view().locator('td.missing').count()).resolves.toBe(0);
    await expect(view().locator('.scb-missing').count()).resolves.toBe(0);
    await view().locator('.findings.ok').waitFor();
    await shot(page, '12-scb-forhandsvisning');

    await view().getByRole('button', { name: 'Skicka in' }).click();
    const receipt = view().locator('.receipt');
    await receipt.waitFor();
    await expect(receipt.textContent()).resolves.toMatch(/Inskickat – version 1.*Mottaget/);
    await shot(page, '13-scb-kvitto');

    const submission = await stored('2023H1');
    expect(submission).toMatchObject({ version: 1, party: 'kansli', scope: 'umearegionen', source: 'json' });
    expect(submission?.values).toEqual(expectedValues(csv, '2023H1'));
    expect(submission?.values['helarsekvivalenter.umea.summa']).toBe(7293);
    expect(submission?.values['helarsekvivalenter.riket.befolkning_20_64']).toBe(5937000);
    // The file stayed in the page: one submission, carrying the template's values and nothing else.
    const sent = requests.slice(before).filter((r) => r.method === 'POST');
    expect(sent.map((r) => new URL(r.url).pathname)).toEqual(['/api/forbund/umearegionen/submissions']);
    expect(JSON.parse(sent[0]!.body)).toEqual({
      templateId: 'helarsekvivalenter',
      period: '2023H1',
      scope: 'umearegionen',
      values: expectedValues(csv, '2023H1'),
    });
    for (const request of requests.slice(before))
      for (const text of FILE_ONLY) expect(request.body).not.toContain(text);
  });

  it("reads SCB's xlsx in the page (unpacked by the browser, no spreadsheet library): same figures", async () => {
    await choose(XLSX, xlsx);
    await view().locator('.scb-table').waitFor();
    await expect(view().locator('.facts p').first().textContent()).resolves.toContain('Läst som Excel (xlsx).');
    await view().locator('select[name=period]').selectOption('2022H1');
    await page.waitForFunction(
      () =>
        document
          .querySelector('td[data-kommun="umea"][data-column="befolkning_20_64"]')
          ?.textContent?.replace(/\s/g, ' ') === '77 850',
    );
    await view().locator('.findings.ok').waitFor();
    await view().getByRole('button', { name: 'Skicka in' }).click();
    await view().locator('.receipt').waitFor();
    expect((await stored('2022H1'))?.values).toEqual(expectedValues(csv, '2022H1'));
  });

  it('makes a half-year with a ".." month missing (never a mean of five), names it, stores it as missing', async () => {
    const text = dotted('Bjurholm', 'Arbetsmarknadsåtgärder', '2022M03');
    await choose('he-med-prickar.csv', text);
    await view().locator('.scb-table').waitFor();
    await view().locator('select[name=period]').selectOption('2022H1');
    await page.waitForFunction(
      () =>
        document.querySelector('td[data-kommun="bjurholm"][data-column="arbetsmarknadsatgarder"]')?.textContent ===
        'saknas',
    );
    await expect(view().locator('td.missing').count()).resolves.toBe(1);
    await expect(view().locator('.scb-missing li').allTextContents()).resolves.toEqual([
      'Bjurholms kommun: arbetsmarknadsåtgärder (Arbetsmarknadsåtgärder: SCB anger inget värde (”..”) för 2022M03)',
    ]);
    // Arbetsmarknadsåtgärder may be left empty; SCB's summa still gives the share.
    await view().locator('.findings.ok').waitFor();
    await shot(page, '14-scb-saknas');
    await view().getByRole('button', { name: 'Skicka in' }).click();
    // 2022H1 came from the xlsx above: the pane names that version and asks before replacing it.
    const question = view().getByRole('alertdialog', { name: 'Ersätta inskickad version?' });
    await expect(question.textContent()).resolves.toContain('Version 1 skickades in');
    await question.getByRole('button', { name: 'Ersätt och skicka in' }).click();
    await expect(view().locator('.receipt').textContent()).resolves.toContain('Ersätter version 1');
    const submission = await stored('2022H1');
    expect(submission?.values['helarsekvivalenter.bjurholm.arbetsmarknadsatgarder']).toBeNull();
    expect(submission?.values).toEqual(expectedValues(text, '2022H1'));
  });

  it.each([
    [
      'a required figure missing for a month',
      dotted('Umeå', 'Sjukpenning', '2023M04'),
      'Umeå kommun: sjukpenning (Sjukpenning: SCB anger inget värde (”..”) för 2023M04)',
    ],
    [
      'a kommun of the förbund absent',
      editRows((f) => (f[0] === 'Vännäs' ? null : f)),
      'Vännäs kommun: alla värden (finns inte i filen)',
    ],
  ])('names %s as what stops the sending, and sends nothing', async (_case, text, blocking) => {
    const before = requests.length;
    await choose('he-ofullstandig.csv', text);
    await view().locator('.scb-table').waitFor();
    const note = view().locator('.message-bar.error.scb-missing');
    await note.waitFor();
    await expect(note.locator('li').allTextContents()).resolves.toEqual([blocking]);
    await expect(view().getByRole('button', { name: 'Skicka in' }).isDisabled()).resolves.toBe(true);
    if (blocking.startsWith('Umeå')) await shot(page, '16-scb-hindrar');
    expect(requests.slice(before).filter((r) => r.method === 'POST')).toEqual([]);
  });

  const [header] = csv.split('\r\n');
  it.each([
    [
      'a file of another SCB table',
      'inkomster.csv',
      '"region","kön","2022"\r\n"Umeå","män och kvinnor totalt",312.4\r\n',
      'Filen är inte SCB:s tabell över helårsekvivalenter (HE0000T02N2 / TAB1386)',
    ],
    [
      'a file without Folkmängd',
      'utan-folkmangd.csv',
      editRows((f) => (f[3] === 'Folkmängd' ? null : f)),
      'Filen saknar tabellinnehållet Folkmängd, som behövs för andelen av befolkningen.',
    ],
    ['a file with only men', 'man.csv', editRows((f) => (f[1] === 'män' ? f : null)), 'Filen har bara kön män.'],
    [
      'a file with only 20–65 år',
      '20-65.csv',
      editRows((f) => (f[2] === '20–65 år' ? f : null)),
      'Filen har bara åldersgruppen 20–65 år. Samlad använder 20–64 år',
    ],
    ['a truncated CSV', 'avbruten.csv', csv.slice(0, Math.floor(csv.length / 2)), 'den verkar vara avbruten'],
    [
      'a file of mixed encodings',
      'blandad.csv',
      Buffer.concat([
        Buffer.from(`${header}\r\n`, 'utf8'),
        Buffer.from(csv.split('\r\n').slice(1).join('\r\n'), 'latin1'),
      ]),
      'Filen blandar teckenkodningar',
    ],
    [
      'broken JSON',
      'he.json',
      '{"version": "2.0", "class": "dataset", "value": [1.5,',
      'Filen kan inte läsas som JSON',
    ],
    ['an empty file', 'tom.csv', '', 'Filen är tom.'],
  ])('refuses %s with a Swedish message and stores nothing', async (_case, fileName, content, message) => {
    const before = requests.length;
    const storedBefore = await storedVersions();
    await choose(fileName, content);
    // The answer appears by the button that read the file, not at the top of the pane.
    const alert = view().locator('.local-error[role=alert]');
    await alert.getByText(message, { exact: false }).waitFor();
    await expect(alert.textContent()).resolves.toContain('Inget har skickats in.');
    await expect(view().locator('.scb-table').count()).resolves.toBe(0);
    await expect(view().getByRole('button', { name: 'Skicka in' }).isDisabled()).resolves.toBe(true);
    if (fileName === 'man.csv') await shot(page, '15-scb-fel');
    expect(requests.slice(before).filter((r) => r.method === 'POST')).toEqual([]);
    await expect(storedVersions()).resolves.toBe(storedBefore);
  });
});
