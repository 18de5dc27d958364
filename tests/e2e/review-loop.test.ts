/**
 * The review loop and a pane that answers where the user is, in Chromium at a task pane's 350 px
 * against the test stack (browser mode): kansliet reviews a version with its change list and a
 * plausibility varning and returns it; the party sees kansliet's comment, sends the same figures
 * again with an explanation (asked first whether to replace), and kansliet approves; kansliet
 * sees Sen and sets a deadline, and locking asks; a file for another period than the one chosen
 * is named before sending; a connection lost during Skicka in ends with the pane knowing the
 * report arrived; an expired session keeps the chosen file; one wrong total is one error and its
 * knock-on a Följdfel; Från egen tabell marks its guesses and asks before replacing; a party with
 * nothing to count is not offered it. Every screenshot is checked for overflow at 350 px, and axe
 * finds nothing.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { platforms2022, platforms2023 } from '../fixtures/seeds/seed-004-platforms';
import { call, devAuth } from '../api/api-client';
import { editWorkbook, inputCellAddresses } from '../support/fill-workbook';
import { repoRoot } from '../support/node-process';
import { startTestStack, type TestStack } from '../support/test-stack';
import { launchChromium, skipReason } from './support/browser';
import { ARTIFACTS, closeAll, shot as screenshot, signIn, watchPage } from './support/pane-page';
import { servePane, type PaneServer } from './support/serve-pane';

const reason = skipReason();
const describeE2e = reason ? describe.skip : describe;

const auth = devAuth();
let stack: TestStack;
let pane: PaneServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: { url: string; method: string; body: string }[] = [];
const base = '/forbund/umearegionen';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Vuxentorget 2023 with 18 women moved from hälsoskäl to avbrott: far from 2022 (plausibility). */
const slipped: Record<string, number> = {
  ...platforms2023.vuxentorget,
  'deltagare.halsoskal.k': 1,
  'deltagare.halsoskal.tot': 23,
  'deltagare.avbrott.k': 26,
  'deltagare.avbrott.tot': 29,
};

/** A coordinator's own table at Vuxentorget, one referring party written as people write it ("Kommunen"). */
const OWN_TABLE = [
  ['Namn', 'Kön', 'Startdatum', 'Avslutsdatum', 'Avslutsorsak', 'Aktualiserande part', 'Plattform'],
  ['Astrid Testsson', 'Kvinna', '2023-02-14', '', '', 'Kommunen', 'Vuxentorget'],
  ['Bertil Provsson', 'Man', '2023-02-03', '2023-09-29', 'Arbete', 'AF', 'Vuxentorget'],
  ['Cecilia Exempelsdotter', 'Kvinna', '2023-03-17', '2023-06-30', 'Studier', 'FK', 'Vuxentorget'],
  ['David Fiktivsson', 'Man', '2023-05-22', '', '', 'AF', 'Vuxentorget'],
];

async function shot(name: string): Promise<void> {
  await screenshot(page, `review-${name}`);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const view = (id: string) => page.locator(`#view-${id}`);

async function filledTemplate(token: string, period: string, values: Record<string, number>): Promise<Buffer> {
  const res = await call(
    stack.apiUrl,
    'GET',
    `${base}/templates/deltagare-avslut/workbook?period=${period}&scope=vuxentorget`,
    { token },
  );
  return editWorkbook(res.bytes, (workbook) => {
    const addresses = inputCellAddresses(workbook);
    for (const [id, value] of Object.entries(values)) {
      const where = addresses.get(id);
      if (where) where.sheet.getCell(where.address).value = value;
    }
  });
}

async function choose(target: { year: string; period: string; scope: string }, id = 'rapportera'): Promise<void> {
  const v = view(id);
  await v.locator('select[name=year]').selectOption(target.year);
  await v.locator(`select[name=period] option[value="${target.period}"]`).waitFor({ state: 'attached' });
  await v.locator('select[name=template]').selectOption('deltagare-avslut');
  await v.locator('select[name=period]').selectOption(target.period);
  await v.locator('select[name=scope]').selectOption(target.scope);
}

async function upload(file: Buffer): Promise<void> {
  await view('rapportera')
    .locator('input[name=upload]')
    .setInputFiles({ name: 'ifylld.xlsx', mimeType: XLSX, buffer: file });
}

async function switchTo(role: 'reporter' | 'kansli'): Promise<void> {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await signIn(page, role, role === 'reporter' ? 'umea' : undefined);
}

describeE2e('the review loop in the pane, at 350 px', () => {
  // Each step drives several round trips and an axe run; on a shared machine that is slow, not wrong.
  jest.setTimeout(120_000);

  let umea: string;
  let t3File: Buffer;

  beforeAll(async () => {
    if (!existsSync(path.join(repoRoot, 'dist', 'pane', 'index.html')))
      throw new Error('dist/pane is missing: run `npm run build` first');
    mkdirSync(ARTIFACTS, { recursive: true });
    [stack, browser] = await Promise.all([startTestStack({ env: auth.env }), launchChromium()]);
    pane = await servePane({ repoRoot, apiOrigin: stack.baseUrl });
    context = await browser.newContext({
      viewport: { width: 350, height: 900 },
      locale: 'sv-SE',
      acceptDownloads: true,
    });
    page = await context.newPage();
    watchPage(page, requests);
    // Last year's figures and a first version with a slip, sent through the API as the party would.
    umea = await auth.token({ forbund: 'umearegionen', party: 'umea', role: 'reporter' });
    const send = (period: string, values: Record<string, number>, comment?: string) =>
      call(stack.apiUrl, 'POST', `${base}/submissions`, {
        token: umea,
        json: { templateId: 'deltagare-avslut', period, scope: 'vuxentorget', values, ...(comment ? { comment } : {}) },
      });
    expect((await send('2022T3', platforms2022.vuxentorget)).status).toBe(201);
    expect((await send('2023T3', platforms2023.vuxentorget)).status).toBe(201);
    expect((await send('2023T3', slipped, 'Hälsoskälen är omräknade efter ny rutin.')).status).toBe(201);
    t3File = await filledTemplate(umea, '2023T3', slipped);
  }, 90_000);

  afterAll(() => closeAll({ context, browser, pane, stack }));

  it('kansliet reviews version 2: comment, plausibility varning, change list and last year; returns it', async () => {
    await page.goto(`${pane.url}/index.html`);
    await signIn(page, 'kansli');
    const v = view('status');
    await v.locator('select[name=period]').selectOption('2023T3');
    await v.getByRole('button', { name: 'Granska Deltagare och avslut per plattform, Vuxentorget' }).click();
    const review = v.locator('.submission-review');
    await review.waitFor();
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toContain('review-heading');
    await expect(review.locator('.reporter-comment').textContent()).resolves.toContain('omräknade efter ny rutin');
    const changes = await review.locator('.change-list li').allTextContents();
    expect(changes).toEqual(
      expect.arrayContaining([
        'B15 Avslutade av hälsoskäl, Kvinnor: 19 → 1',
        'D15 Avslutade av hälsoskäl, Totalt: 41 → 23',
        'B16 Avbrott, Kvinnor: 8 → 26',
      ]),
    );
    const varning = review.locator('.finding.varning').first();
    await expect(varning.textContent()).resolves.toContain('långt från Tertial 3 2022');
    expect(await review.locator('td.flagged').count()).toBe(3);
    await expect(review.locator('td.flagged').first().textContent()).resolves.toContain('i fjol');
    await review.getByRole('heading', { name: 'Värdena, med Tertial 3 2022 (jan–dec) under varje värde' }).waitFor();
    // At 350 px a table wider than the pane scrolls in its own box, and a visible line says so.
    await review.locator('.scroll-hint >> visible=true').first().waitFor();
    const scrollers = await review.locator('.table-scroll').evaluateAll((boxes) =>
      boxes.map((box) => ({
        scrolls: box.scrollWidth > box.clientWidth,
        hint: (box.previousElementSibling as HTMLElement | null)?.checkVisibility() === true,
      })),
    );
    expect(scrollers.some((s) => s.scrolls)).toBe(true);
    expect(scrollers.filter((s) => s.scrolls !== s.hint)).toEqual([]);
    await shot('01-granska');

    await review.getByRole('button', { name: /^Returnera/ }).click();
    await review.locator('textarea[name=return-comment]').fill('Förklara varför hälsoskälen blev avbrott.');
    await shot('02-returnera');
    await review.getByRole('button', { name: 'Skicka tillbaka' }).click();
    await v.locator('tr', { hasText: 'Vuxentorget' }).locator('.badge.state-returnerad').waitFor();
  });

  it('kansliet sees Sen, sets a deadline, and is asked before locking', async () => {
    const v = view('status');
    await expect(v.locator('.status-summary').textContent()).resolves.toContain('standarddagen gäller');
    // Ungdomstorget never sent 2023T3 and the default deadline is long past: Sen, not Saknas.
    await expect(v.locator('tr', { hasText: 'Ungdomstorget' }).locator('.badge').first().textContent()).resolves.toBe(
      'Sen',
    );
    await v.locator('select[name=period]').selectOption('2026T3');
    // The default deadline of 2026T3 (15 days after December) shows once the period's status is in.
    await page.waitForFunction(
      () => (document.querySelector('input[name=deadline]') as HTMLInputElement | null)?.value === '2027-01-15',
    );
    // At 350 px the date keeps room for a whole date; the buttons wrap under it.
    expect((await v.locator('input[name=deadline]').boundingBox())?.width).toBeGreaterThan(150);
    await v.locator('input[name=deadline]').fill('2027-01-20');
    await v.getByRole('button', { name: 'Spara sista dag' }).click();
    await v.getByText('Satt av kansliet').waitFor();
    const status = await call(stack.apiUrl, 'GET', `${base}/status?period=2026T3`, {
      token: await auth.token({ forbund: 'umearegionen', role: 'kansli' }),
    });
    expect(status.json.deadline?.slice(0, 10)).toMatch(/^2027-01-2[01]$/);
    await v.getByRole('button', { name: 'Lås perioden…' }).click();
    await v.getByRole('alertdialog', { name: 'Låsa perioden?' }).waitFor();
    await shot('03-lasa');
    await v.getByRole('button', { name: 'Avbryt' }).click();
    expect((await call(stack.apiUrl, 'GET', `${base}/status?period=2026T3`, { token: umea })).status).toBe(403);
  });

  it("the party sees kansliet's comment before the work; a file for another period and platform is named", async () => {
    await switchTo('reporter');
    const v = view('rapportera');
    await choose({ year: '2023', period: '2023T1', scope: 'ungdomstorget' });
    const mine = v.locator('.obligation', { hasText: 'Tertial 3 2023' }).filter({ hasText: 'Vuxentorget' });
    await expect(mine.locator('.kansli-comment').textContent()).resolves.toContain(
      'Förklara varför hälsoskälen blev avbrott.',
    );
    // The deadline and how long ago it passed, before any work; the chosen period says it too.
    await expect(mine.textContent()).resolves.toMatch(/Sista dag .*\(passerad för \d+ dagar sedan\)/);
    await expect(v.locator('.target-note').textContent()).resolves.toContain('Det du skickar in nu markeras som sent.');
    await upload(t3File);
    await v.getByRole('button', { name: 'Kontrollera filen' }).click();
    const mismatch = v.locator('.mismatch');
    await mismatch.waitFor();
    await expect(mismatch.locator('p').allTextContents()).resolves.toEqual(
      expect.arrayContaining([
        'Filen är Tertial 3 2023 (jan–dec), men du har valt Tertial 1 2023 (jan–apr).',
        'Filen gäller Vuxentorget, men du har valt Ungdomstorget.',
      ]),
    );
    await expect(v.getByRole('button', { name: 'Skicka in' }).isDisabled()).resolves.toBe(true);
    await shot('04-fel-period');
    await mismatch.getByRole('button', { name: 'Välj det filen gäller' }).click();
    await expect(v.locator('select[name=period]').inputValue()).resolves.toBe('2023T3');
    await expect(v.locator('select[name=scope]').inputValue()).resolves.toBe('vuxentorget');
    await v.locator('.mismatch').waitFor({ state: 'detached' });
    // Now the returned report is named by the picker too.
    await expect(v.locator('.target-note').textContent()).resolves.toContain('Kansliet returnerade rapporten');
  });

  it('an expired session asks to sign in again and keeps the chosen file and selections', async () => {
    const v = view('rapportera');
    await page.route('**/api/forbund/umearegionen/validate', (route) =>
      route.fulfill({ status: 401, contentType: 'application/json', body: '{"code":"unauthorized","message":"x"}' }),
    );
    await v.getByRole('button', { name: 'Kontrollera filen' }).click();
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    await page.getByText('det du har valt och fyllt i finns kvar').waitFor();
    await page.unroute('**/api/forbund/umearegionen/validate');
    await signIn(page, 'reporter', 'umea');
    await v.getByRole('heading', { name: 'Rapportera' }).waitFor();
    await expect(v.locator('select[name=period]').inputValue()).resolves.toBe('2023T3');
    await expect(v.locator('input[name=upload]').evaluate((i: HTMLInputElement) => i.files?.length)).resolves.toBe(1);
  });

  it('sends the same figures with an explanation: asked to replace, a receipt naming what replaced what', async () => {
    const v = view('rapportera');
    await v.getByRole('button', { name: 'Kontrollera filen' }).click();
    await v.locator('.finding.varning').first().waitFor();
    await v.locator('textarea[name=comment]').fill('Rutinen för avslut ändrades i augusti; avbrotten stämmer.');
    await v.getByRole('button', { name: 'Skicka in' }).click();
    const question = v.getByRole('alertdialog', { name: 'Ersätta inskickad version?' });
    await question.waitFor();
    await expect(question.textContent()).resolves.toContain(
      'Kansliet returnerade version 2. Den nya versionen ersätter den. ' +
        'Kansliets kommentar: ”Förklara varför hälsoskälen blev avbrott.”',
    );
    await shot('05-ersatta');
    // The connection breaks after the request reached Samlad: the pane asks again and learns it arrived.
    let broken = false;
    const submissions = (url: URL) => url.pathname.endsWith(`${base}/submissions`);
    await page.route(submissions, async (route) => {
      if (broken || route.request().method() !== 'POST') return route.continue();
      broken = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await question.getByRole('button', { name: 'Ersätt och skicka in' }).click();
    const receipt = v.locator('.receipt');
    await receipt.waitFor({ timeout: 15_000 });
    const text = await receipt.textContent();
    expect(text).toContain('version 3');
    expect(text).toContain('Deltagare och avslut per plattform, Tertial 3 2023 (jan–dec), Vuxentorget.');
    expect(text).toContain('Anslutningen bröts under inskickningen, men uppgifterna hade kommit fram.');
    expect(text).toContain('Sen');
    await expect(page.evaluate(() => document.activeElement?.classList.contains('receipt'))).resolves.toBe(true);
    await page.unroute(submissions);
    await shot('06-kvitto');
    const posts = requests.filter((r) => r.method === 'POST' && submissions(new URL(r.url)));
    expect(posts.length).toBeGreaterThanOrEqual(2);
  });

  it('an error appears by the button that caused it, and takes focus', async () => {
    const v = view('rapportera');
    await v.locator('input[name=upload]').setInputFiles([]);
    await v.getByRole('button', { name: 'Kontrollera filen' }).click();
    const error = v.locator('.local-error .message-bar.error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain('Välj den ifyllda mallen');
    // Focus moved to the answer, next to the button, not to the top of the page.
    await expect(page.evaluate(() => document.activeElement?.closest('.local-error') !== null)).resolves.toBe(true);
    await expect(page.locator('.error-region').isHidden()).resolves.toBe(true);
  });

  it('one wrong total gives one error: the rule that reads it shows as its consequence', async () => {
    const v = view('rapportera');
    const total = platforms2023.vuxentorget['deltagare.antal.tot']!;
    await upload(
      await filledTemplate(umea, '2023T3', { ...platforms2023.vuxentorget, 'deltagare.antal.tot': total + 1 }),
    );
    await v.getByRole('button', { name: 'Kontrollera filen' }).click();
    const fel = v.locator('.finding.fel:not(.foljd)');
    await fel.first().waitFor();
    await expect(fel.allTextContents()).resolves.toEqual([expect.stringContaining("'Deltagare och avslut'!D7")]);
    // D17 (kvar = deltagare − avslutade) is right, and fails only by D7: a Följdfel under it, gone when D7 is.
    const following = v.locator('.finding.foljd');
    await expect(following.allTextContents()).resolves.toEqual([
      expect.stringMatching(/^FöljdfelFöljdfel i 'Deltagare och avslut'!D17 .*Beror på felet i D7/),
    ]);
    await expect(v.locator('.findings-summary').textContent()).resolves.toBe(
      '1 fel att rätta. 1 följdfel försvinner när det är rättat.',
    );
    await shot('07-foljdfel');
  });

  it('kansliet approves the answer, version 3', async () => {
    await switchTo('kansli');
    const v = view('status');
    await v.locator('select[name=period]').selectOption('2023T3');
    await v.getByRole('button', { name: 'Granska Deltagare och avslut per plattform, Vuxentorget' }).click();
    const review = v.locator('.submission-review');
    await expect(review.locator('.reporter-comment').textContent()).resolves.toContain('Rutinen för avslut');
    // The same figures as version 2: the answer is the comment.
    await expect(review.locator('p.hint').allTextContents()).resolves.toContain('Samma värden som förra versionen.');
    await review.getByRole('button', { name: /^Godkänn/ }).click();
    await v.locator('tr', { hasText: 'Vuxentorget' }).locator('.badge.state-godkand').waitFor();
    await shot('08-godkand');
  });

  it('Från egen tabell: a guessed word looks like a guess; replacing the approved version is asked first', async () => {
    await switchTo('reporter');
    await page.getByRole('button', { name: 'Från egen tabell' }).click();
    const v = view('egen-tabell');
    await choose({ year: '2023', period: '2023T3', scope: 'vuxentorget' }, 'egen-tabell');
    await v.locator('textarea[name=paste]').fill(OWN_TABLE.map((row) => row.join('\t')).join('\n'));
    await v.getByRole('button', { name: 'Läs in' }).click();
    // "Kommunen" is taken for Övriga kommunala verksamheter: a guess, shown as one; "AF" is exact.
    const guessed = v.locator('.inline-field', { hasText: '”Kommunen”' });
    await expect(guessed.locator('select').inputValue()).resolves.toBe('ovr_kommun');
    await expect(guessed.getAttribute('class')).resolves.toContain('guess');
    await expect(guessed.locator('label').textContent()).resolves.toContain('gissning, kontrollera');
    await expect(v.locator('.inline-field', { hasText: '”AF”' }).getAttribute('class')).resolves.not.toContain('guess');
    await shot('09-egen-tabell-gissning');
    // Confirmed by the user: no longer a guess.
    await guessed.locator('select').selectOption('soc');
    await expect(guessed.getAttribute('class')).resolves.not.toContain('guess');
    await expect(guessed.locator('.guess-note').count()).resolves.toBe(0);

    await v.getByRole('button', { name: 'Räkna' }).click();
    await v.locator('.findings-summary').waitFor();
    // Four people against last year's hundreds: plausibility asks for a comment.
    await v.locator('textarea[name=comment]').fill('Bara en del av tabellen, som prov.');
    const posts = () => requests.filter((r) => r.method === 'POST' && r.url.endsWith(`${base}/submissions`)).length;
    const sentBefore = posts();
    await v.getByRole('button', { name: 'Skicka in' }).click();
    const question = v.getByRole('alertdialog', { name: 'Ersätta inskickad version?' });
    await question.waitFor();
    await expect(question.textContent()).resolves.toMatch(/Version 3 skickades in .* och är godkänd/);
    await shot('10-egen-tabell-ersatta');
    await question.getByRole('button', { name: 'Avbryt' }).click();
    await question.waitFor({ state: 'detached' });
    expect(posts()).toBe(sentBefore);
  });

  it('a party with nothing to count from its own table is not offered Från egen tabell', async () => {
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await signIn(page, 'reporter', 'af');
    await view('rapportera').getByRole('heading', { name: 'Rapportera' }).waitFor();
    const nav = await page.locator('.nav-item').allTextContents();
    expect(nav).toContain('Rapportera');
    expect(nav).not.toContain('Från egen tabell');
  });
});
