/**
 * Importera SCB in real Chromium against the local stack (browser mode): kansliet chooses SCB's
 * helårsekvivalenter file, sees the figures per kommun, picks the half-year and sends it; the
 * API then holds exactly the file's values for that period, with SCB's ".." stored as missing.
 * A file that is not SCB's table is refused in Swedish and nothing is stored. Screenshots go to
 * test-artifacts/e2e/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { registry } from '../../shared/config/registry';
import { parseScbCsv } from '../../shared/indices/scb-csv';
import { scbToTemplateValues } from '../../shared/indices/scb-table';
import { findForbund } from '../../shared/model/selectors';
import { call, devAuth } from '../api/api-client';
import { repoRoot } from '../support/node-process';
import { startTestStack, type TestStack } from '../support/test-stack';
import { launchChromium, skipReason } from './support/browser';
import { ARTIFACTS, closeAll, shot, signIn, watchPage } from './support/pane-page';
import { servePane, type PaneServer } from './support/serve-pane';

const reason = skipReason();
const describeE2e = reason ? describe.skip : describe;
if (reason) console.warn(reason);

const FIXTURE = 'he0000t02n2-umearegionen-h1.csv';
const csv = readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'scb', FIXTURE), 'utf8');
const umearegionen = findForbund(registry, 'umearegionen')!;
const expectedValues = (text: string, period: string) =>
  scbToTemplateValues(parseScbCsv(text), umearegionen, period).values;
/** The fixture with Bjurholm's arbetsmarknadsåtgärder for 2022H1 as SCB prints a value it does not publish. */
const withDots = csv.replace(
  '"2403 Bjurholm","Arbetsmarknadsåtgärder",20.0,',
  '"2403 Bjurholm","Arbetsmarknadsåtgärder","..",',
);
/** Text from the file that is not a template value: it must never leave the page. */
const FILE_ONLY = ['Sjukpenning m.m.', '2480 Umeå', 'Helårsekvivalenter 20-64 år 2023H1'];

let stack: TestStack;
let pane: PaneServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let kansliToken: string;
const requests: { url: string; method: string; body: string }[] = [];

const view = () => page.locator('#view-scb');
const cell = (kommun: string, column: string) => view().locator(`td[data-kommun="${kommun}"][data-column="${column}"]`);

async function choose(name: string, text: string): Promise<void> {
  await view()
    .locator('input[name=scb-file]')
    .setInputFiles({
      name,
      mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv',
      buffer: Buffer.from(text, 'utf8'),
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

  it("reads SCB's CSV in the page, shows the figures per kommun, and sends the chosen half-year with a receipt", async () => {
    const before = requests.length;
    await choose(FIXTURE, csv);
    await view().locator('.scb-table').waitFor();
    await expect(view().locator('.facts').textContent()).resolves.toContain(
      'Läst som CSV. Första halvåret 2023 och 2022 finns i filen',
    );
    const period = view().locator('select[name=period]');
    await expect(
      period.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
    ).resolves.toEqual(['2023H1', '2022H1']);
    await expect(period.inputValue()).resolves.toBe('2023H1');
    await expect(cell('umea', 'sjukpenning').textContent()).resolves.toMatch(/^1\s969,1$/);
    await expect(cell('umea', 'befolkning_20_64').textContent()).resolves.toMatch(/^78\s420$/);
    await expect(cell('bjurholm', 'etableringsersattning').textContent()).resolves.toBe('13,2');
    // Choosing the other half-year shows its figures.
    await period.selectOption('2022H1');
    await page.waitForFunction(
      () =>
        document
          .querySelector('td[data-kommun="umea"][data-column="sjukpenning"]')
          ?.textContent?.replace(/\s/g, ' ') === '1 996,9',
    );
    await period.selectOption('2023H1');
    await page.waitForFunction(
      () =>
        document
          .querySelector('td[data-kommun="umea"][data-column="sjukpenning"]')
          ?.textContent?.replace(/\s/g, ' ') === '1 969,1',
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
    expect(submission?.values['helarsekvivalenter.umea.sjukpenning']).toBe(1969.1);
    expect(submission?.values['helarsekvivalenter.umea.befolkning_20_64']).toBe(78420);
    expect(submission?.values['helarsekvivalenter.bjurholm.etableringsersattning']).toBe(13.2);
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

  it('shows a figure SCB gives as ".." as saknas, and stores it as missing, not 0', async () => {
    await choose('he-med-prickar.csv', withDots);
    await view().locator('.scb-table').waitFor();
    await view().locator('select[name=period]').selectOption('2022H1');
    const missing = cell('bjurholm', 'arbetsmarknadsatgarder');
    await page.waitForFunction(
      () =>
        document.querySelector('td[data-kommun="bjurholm"][data-column="arbetsmarknadsatgarder"]')?.textContent ===
        'saknas',
    );
    await expect(missing.getAttribute('class')).resolves.toContain('missing');
    await expect(view().locator('td.missing').count()).resolves.toBe(1);
    await expect(cell('bjurholm', 'sjukpenning').textContent()).resolves.toBe('43,1');
    // Named in words too, since the table may need scrolling sideways in a narrow pane.
    await expect(view().locator('.scb-missing li').allTextContents()).resolves.toEqual([
      'Bjurholms kommun: arbetsmarknadsåtgärder',
    ]);
    // Arbetsmarknadsåtgärder is SCB's separate series and optional in the template, so it can be sent without.
    await view().locator('.findings.ok').waitFor();
    await shot(page, '14-scb-saknas');
    await view().getByRole('button', { name: 'Skicka in' }).click();
    await view().locator('.receipt').waitFor();

    const submission = await stored('2022H1');
    expect(submission?.values['helarsekvivalenter.bjurholm.arbetsmarknadsatgarder']).toBeNull();
    expect(submission?.values['helarsekvivalenter.bjurholm.sjukpenning']).toBe(43.1);
    expect(submission?.values).toEqual(expectedValues(withDots, '2022H1'));
  });

  it('names a required figure the file lacks as what stops the sending, and sends nothing', async () => {
    const withoutUmea = csv.replace(
      '"2480 Umeå","Sjukpenning m.m.",1996.9,1969.1',
      '"2480 Umeå","Sjukpenning m.m.",1996.9,".."',
    );
    const before = requests.length;
    await choose('he-utan-sjukpenning.csv', withoutUmea);
    await view().locator('.scb-table').waitFor();
    const blocking = view().locator('.message-bar.error.scb-missing');
    await blocking.waitFor();
    await expect(blocking.locator('li').allTextContents()).resolves.toEqual(['Umeå kommun: sjukpenning']);
    await expect(view().locator('.message-bar.warning.scb-missing').count()).resolves.toBe(0);
    await expect(view().locator('.findings').textContent()).resolves.toContain('skriv 0 bara om värdet verkligen är 0');
    await expect(view().getByRole('button', { name: 'Skicka in' }).isDisabled()).resolves.toBe(true);
    await shot(page, '16-scb-hindrar');
    expect(requests.slice(before).filter((r) => r.method === 'POST')).toEqual([]);
  });

  it.each([
    [
      'a text that is no table',
      'anteckningar.csv',
      'Hej!\nHär kommer siffrorna.',
      'Filen innehåller inga helårsekvivalenter för första halvåret (H1).',
      'Rad 2: ”Här kommer siffrorna.” är ingen kommun',
    ],
    [
      'broken JSON',
      'he.json',
      '{"version": "2.0", "class": "dataset", "value": [1.5,',
      'Filen kan inte läsas som JSON',
      undefined,
    ],
    ['an empty file', 'tom.csv', '', 'Filen är tom.', undefined],
  ])('refuses %s with a Swedish message and stores nothing', async (_case, fileName, text, message, problem) => {
    const before = requests.length;
    const versions = async () => {
      const [h1, h2] = await Promise.all(
        ['2022H1', '2023H1'].map((p) =>
          call(stack.baseUrl, 'GET', `/api/forbund/umearegionen/submissions?period=${p}`, { token: kansliToken }),
        ),
      );
      return [...h1!.json.versions, ...h2!.json.versions].length;
    };
    const storedBefore = await versions();
    await choose(fileName, text);
    const alert = page.locator('.error-region[role=alert]');
    await alert.getByText(message, { exact: false }).waitFor();
    await expect(alert.textContent()).resolves.toContain('Inget har skickats in.');
    if (problem) await expect(view().locator('.scb-problems').textContent()).resolves.toContain(problem);
    await expect(view().locator('.scb-table').count()).resolves.toBe(0);
    await expect(view().getByRole('button', { name: 'Skicka in' }).isDisabled()).resolves.toBe(true);
    if (fileName === 'anteckningar.csv') await shot(page, '15-scb-fel');
    expect(requests.slice(before).filter((r) => r.method === 'POST')).toEqual([]);
    await expect(versions()).resolves.toBe(storedBefore);
  });
});
