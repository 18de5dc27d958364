/**
 * The conversation between kansliet and a party through the API: a late submission by the
 * default deadline, a plausibility varning that needs a comment, kansliet's review of a version
 * (previous version, earlier figures, findings), a return answered with the same figures and a
 * comment, and what a reporter sees they owe for a year.
 */
import { platforms2022, platforms2023 } from '../fixtures/seeds/seed-004-platforms';
import { startTestStack, type TestStack } from '../support/test-stack';
import { call, devAuth } from './api-client';

const auth = devAuth();
let stack: TestStack;
let api: (method: string, path: string, options?: Parameters<typeof call>[3]) => ReturnType<typeof call>;
const tokens: Record<string, string> = {};
const base = '/forbund/umearegionen';
const body = (period: string, values: Record<string, number>, comment?: string) => ({
  templateId: 'deltagare-avslut',
  period,
  scope: 'vuxentorget',
  values,
  ...(comment ? { comment } : {}),
});

beforeAll(async () => {
  // The test runs years after 2022–2023, so every default deadline has passed: submissions are sen.
  stack = await startTestStack({ env: { ...auth.env, TERTIAL_DEADLINE_DAYS: '15' } });
  api = (method, path, options) => call(stack.apiUrl, method, path, options);
  tokens.umea = await auth.token({ forbund: 'umearegionen', party: 'umea', role: 'reporter' });
  tokens.kansli = await auth.token({ forbund: 'umearegionen', role: 'kansli' });
}, 60_000);
afterAll(() => stack?.stop());

describe('the review loop', () => {
  let lateId: string;

  it('takes a submission past the default deadline as sen, on the receipt and in the status matrix', async () => {
    const res = await api('POST', `${base}/submissions`, {
      token: tokens.umea,
      json: body('2022T3', platforms2022.vuxentorget),
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      templateId: 'deltagare-avslut',
      period: '2022T3',
      scope: 'vuxentorget',
      version: 1,
      late: true,
      created: true,
    });
    expect(res.json.replaces).toBeUndefined();
    lateId = res.json.id;
    const status = await api('GET', `${base}/status?period=2022T3`, { token: tokens.kansli });
    expect(status.json.deadline).toBeNull();
    expect(status.json.defaultDeadline).toBe('2023-01-15T23:59:59.999Z');
    const rows = status.json.rows as { scope: string; state: string; late?: boolean; templateId: string }[];
    expect(rows.find((r) => r.templateId === 'deltagare-avslut' && r.scope === 'vuxentorget')).toMatchObject({
      state: 'inskickad',
      late: true,
    });
    // Nothing sent for Ungdomstorget, and the default deadline has passed: sen, not saknas.
    expect(rows.find((r) => r.templateId === 'deltagare-avslut' && r.scope === 'ungdomstorget')?.state).toBe('sen');
  });

  it('asks for a comment when a count is far from the same tertial last year, in the validate answer too', async () => {
    const slip = { ...platforms2023.vuxentorget, 'deltagare.halsoskal.k': 1, 'deltagare.halsoskal.tot': 23 };
    // Keep avslutade = positiv + hälsoskäl + avbrott: avbrott takes the 18 that left hälsoskäl.
    Object.assign(slip, { 'deltagare.avbrott.k': 26, 'deltagare.avbrott.tot': 29 });
    const validate = await api('POST', `${base}/validate`, { token: tokens.umea, json: body('2023T3', slip) });
    expect(validate.json.ok).toBe(true);
    const far = validate.json.findings.find((f: { code: string }) => f.code === 'implausible-change');
    expect(far).toMatchObject({ severity: 'varning', cellId: 'deltagare.halsoskal.k' });
    expect(far.message).toContain('Tertial 3 2022');
    const refused = await api('POST', `${base}/submissions`, { token: tokens.umea, json: body('2023T3', slip) });
    expect(refused.status).toBe(422);
    expect(refused.json.code).toBe('comment-required');
    const sent = await api('POST', `${base}/submissions`, {
      token: tokens.umea,
      json: body('2023T3', slip, 'Två av hälsoskälen var felregistrerade som avbrott i fjol.'),
    });
    expect(sent.status).toBe(201);
    // Eighteen women moved from hälsoskäl to avbrott: both rows, and hälsoskäl's total, are far from 2022.
    expect(sent.json.warnings.map((f: { cellId: string }) => f.cellId)).toEqual([
      'deltagare.halsoskal.k',
      'deltagare.halsoskal.tot',
      'deltagare.avbrott.k',
    ]);
  });

  it('gives the reporter its own earlier figures for the check in the pane', async () => {
    const res = await api('GET', `${base}/references?templateId=deltagare-avslut&period=2023T3&scope=vuxentorget`, {
      token: tokens.umea,
    });
    expect(res.json.references).toEqual([
      { kind: 'last-year', period: '2022T3', values: expect.objectContaining({ 'deltagare.antal.tot': 380 }) },
    ]);
  });

  let currentId: string;
  it('lets kansliet open a version with the one before, last year and the findings, and return it', async () => {
    const corrected = await api('POST', `${base}/submissions`, {
      token: tokens.umea,
      json: body('2023T3', platforms2023.vuxentorget),
    });
    expect(corrected.json).toMatchObject({ version: 2, replaces: 1 });
    currentId = corrected.json.id;
    const review = await api('GET', `${base}/submissions/${encodeURIComponent(currentId)}/review`, {
      token: tokens.kansli,
    });
    expect(review.status).toBe(200);
    expect(review.json.submission.values['deltagare.halsoskal.k']).toBe(19);
    expect(review.json.previous).toMatchObject({ version: 1, comment: expect.stringContaining('hälsoskälen') });
    expect(review.json.previous.values['deltagare.halsoskal.k']).toBe(1);
    expect(review.json.references.map((r: { period: string }) => r.period)).toEqual(['2022T3']);
    expect(review.json.current).toMatchObject({ version: 2, state: 'inskickad' });
    expect(review.json.findings).toEqual([]);
    const reporter = await api('GET', `${base}/submissions/${encodeURIComponent(currentId)}/review`, {
      token: tokens.umea,
    });
    expect(reporter.status).toBe(403);

    const returned = await api('POST', `${base}/submissions/${encodeURIComponent(currentId)}/return`, {
      token: tokens.kansli,
      json: { comment: 'Förklara varför avbrotten ökade.' },
    });
    expect(returned.json.state).toBe('returnerad');
  });

  it('takes the same figures back as a new version with the comment kansliet asked for', async () => {
    const again = await api('POST', `${base}/submissions`, {
      token: tokens.umea,
      json: body('2023T3', platforms2023.vuxentorget, 'Tre deltagare flyttade och avbröt därför.'),
    });
    expect(again.status).toBe(201);
    expect(again.json).toMatchObject({ version: 3, replaces: 2, created: true });
    const list = await api('GET', `${base}/submissions?period=2023T3`, { token: tokens.umea });
    expect(list.json.current[0]).toMatchObject({ version: 3, state: 'inskickad' });
    expect(list.json.versions.find((v: { version: number }) => v.version === 3).comment).toBe(
      'Tre deltagare flyttade och avbröt därför.',
    );
    // A retry of the same request (an answer lost on the way) is the same receipt.
    const retry = await api('POST', `${base}/submissions`, {
      token: tokens.umea,
      json: body('2023T3', platforms2023.vuxentorget, 'Tre deltagare flyttade och avbröt därför.'),
    });
    expect(retry.status).toBe(200);
    expect(retry.json).toMatchObject({ id: again.json.id, created: false });
  });

  it("shows a reporter every report it owes for a year, with state, kansliet's comment and deadline", async () => {
    await api('POST', `${base}/submissions/${encodeURIComponent(lateId)}/return`, {
      token: tokens.kansli,
      json: { comment: 'Kvinnor och män är omkastade.' },
    });
    const res = await api('GET', `${base}/obligations?year=2022`, { token: tokens.umea });
    expect(res.status).toBe(200);
    const t3 = res.json.periods.find((p: { period: string }) => p.period === '2022T3');
    expect(t3).toMatchObject({ deadline: '2023-01-15T23:59:59.999Z', deadlineSet: false, locked: false });
    const vuxen = t3.rows.find((r: { scope: string; templateId: string }) => r.scope === 'vuxentorget');
    expect(vuxen).toMatchObject({ state: 'returnerad', stateComment: 'Kvinnor och män är omkastade.' });
    // Only rows Umeå is expected in: no other kommun's strategic indicators.
    const scopes = new Set(res.json.periods.flatMap((p: { rows: { scope: string }[] }) => p.rows.map((r) => r.scope)));
    expect(scopes.has('vannas')).toBe(false);
    expect((await api('GET', `${base}/obligations`, { token: tokens.umea })).status).toBe(400);
  });

  it("tells a co-reporter of a shared platform that it was sent, not kansliet's comment to the sender", async () => {
    const vannas = await auth.token({ forbund: 'umearegionen', party: 'vannas', role: 'reporter' });
    const vindeln = await auth.token({ forbund: 'umearegionen', party: 'vindeln', role: 'reporter' });
    const sent = await api('POST', `${base}/submissions`, {
      token: vannas,
      json: { ...body('2022T2', platforms2022.samordningsteamen), scope: 'samordningsteamen' },
    });
    expect(sent.status).toBe(201);
    const comment = 'Vännäs deltagare saknas i summan.';
    const returned = await api('POST', `${base}/submissions/${encodeURIComponent(sent.json.id)}/return`, {
      token: tokens.kansli,
      json: { comment },
    });
    expect(returned.status).toBe(200);
    const rowFor = async (token: string) => {
      const res = await api('GET', `${base}/obligations?year=2022`, { token });
      const t2 = res.json.periods.find((p: { period: string }) => p.period === '2022T2');
      return t2.rows.find((r: { scope: string; templateId: string }) => r.scope === 'samordningsteamen');
    };
    expect(await rowFor(vannas)).toMatchObject({ state: 'returnerad', party: 'vannas', stateComment: comment });
    const seenByVindeln = await rowFor(vindeln);
    expect(seenByVindeln).toMatchObject({ state: 'returnerad', party: 'vannas' });
    expect(seenByVindeln.stateComment).toBeUndefined();
  });

  it.each([
    ['a return with a one-letter comment', 'return', { comment: 'x' }, 'Kommentaren behöver minst 3 tecken.'],
    ['a return without a comment', 'return', {}, 'Kommentaren saknas eller har fel form.'],
    [
      'a deadline that is not a date',
      'period',
      { deadline: 'på fredag', locked: false },
      'Sista dag ska vara ett datum med tid.',
    ],
    [
      'a field that does not belong',
      'period',
      { locked: false, lock: true },
      'Meddelandet har fält som inte hör dit (lock).',
    ],
  ])('answers %s in Swedish, naming the field as a user knows it', async (_case, route, json, message) => {
    const path =
      route === 'return' ? `${base}/submissions/${encodeURIComponent(currentId)}/return` : `${base}/periods/2026T1`;
    const res = await api(route === 'return' ? 'POST' : 'PUT', path, { token: tokens.kansli, json });
    expect(res.status).toBe(400);
    expect(res.json.message).toBe(message);
  });
});
