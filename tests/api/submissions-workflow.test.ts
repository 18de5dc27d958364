import ExcelJS from 'exceljs';
import { aktualiseradeUmea2023, tabell1Arbetsmarknadstorgen2023 } from '../fixtures/seeds/seed-004-tabell-1';
import { editWorkbook, inputCellAddresses } from '../support/fill-workbook';
import { startTestStack, type TestStack } from '../support/test-stack';
import { call, devAuth } from './api-client';

const auth = devAuth();
let stack: TestStack;
let api: (method: string, path: string, options?: Parameters<typeof call>[3]) => ReturnType<typeof call>;
const tokens: Record<string, string> = {};
const base = '/forbund/umearegionen';
const seedValues = { ...tabell1Arbetsmarknadstorgen2023, ...aktualiseradeUmea2023 };

async function fill(xlsx: Buffer, values: Record<string, number | string>): Promise<Buffer> {
  return editWorkbook(xlsx, (workbook: ExcelJS.Workbook) => {
    const addresses = inputCellAddresses(workbook);
    for (const [id, value] of Object.entries(values)) {
      const where = addresses.get(id);
      if (!where) throw new Error(`no input cell ${id}`);
      where.sheet.getCell(where.address).value = value;
    }
  });
}

beforeAll(async () => {
  stack = await startTestStack({ env: auth.env });
  api = (method, path, options) => call(stack.apiUrl, method, path, options);
  tokens.umea = await auth.token({ forbund: 'umearegionen', party: 'umea', role: 'reporter' });
  tokens.af = await auth.token({ forbund: 'umearegionen', party: 'af', role: 'reporter' });
  tokens.kansli = await auth.token({ forbund: 'umearegionen', role: 'kansli' });
  tokens.otherKansli = await auth.token({ forbund: 'skelleftea-norsjo', role: 'kansli' });
  tokens.expired = await auth.token({ forbund: 'umearegionen', role: 'kansli', expiresInSeconds: -600 });
}, 60_000);
afterAll(() => stack?.stop());

describe('the reporting workflow, as a party and kansliet use it', () => {
  let xlsx: Buffer;
  let firstId: string;

  it('lists the templates a party may fill, with only its own scopes', async () => {
    const res = await api('GET', `${base}/templates?year=2023`, { token: tokens.umea });
    expect(res.status).toBe(200);
    const deltagare = res.json.templates.find(
      (t: { definition: { id: string } }) => t.definition.id === 'deltagare-avslut',
    );
    expect(deltagare.scopes.map((s: { id: string }) => s.id)).toEqual(['ungdomstorget', 'vuxentorget']);
  });

  it('downloads the template as xlsx and as base64 for insertWorksheetsFromBase64', async () => {
    const res = await api('GET', `${base}/templates/deltagare-avslut/workbook?period=2023T3&scope=ungdomstorget`, {
      token: tokens.umea,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    xlsx = res.bytes;
    const b64 = await api(
      'GET',
      `${base}/templates/deltagare-avslut/workbook?period=2023T3&scope=ungdomstorget&format=base64`,
      { token: tokens.umea },
    );
    expect(Buffer.from(b64.json.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a filled upload with an error, naming the cell, and stores nothing', async () => {
    const bad = await fill(xlsx, {
      ...seedValues,
      'deltagare.antal.k': 9,
      'deltagare.antal.m': 15,
      'deltagare.antal.tot': 25,
    });
    const res = await api('POST', `${base}/submissions`, { token: tokens.umea, body: bad });
    expect(res.status).toBe(422);
    expect(res.json.code).toBe('validation-failed');
    const finding = res.json.findings.find((f: { rule?: string }) => f.rule === 'totalt_kon');
    expect(finding).toMatchObject({ cell: "'Deltagare och avslut'!D7", severity: 'fel' });
    expect(finding.message).toContain('D7');
    const list = await api('GET', `${base}/submissions?period=2023T3`, { token: tokens.kansli });
    expect(list.json.versions).toEqual([]);
  });

  it('accepts the corrected upload with a receipt, and the same content again gives the same receipt', async () => {
    const good = await fill(xlsx, seedValues);
    const res = await api('POST', `${base}/submissions`, { token: tokens.umea, body: good });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ version: 1, created: true });
    expect(res.json.sha256).toMatch(/^[0-9a-f]{64}$/);
    firstId = res.json.id;
    const again = await api('POST', `${base}/submissions`, {
      token: tokens.umea,
      json: { templateId: 'deltagare-avslut', period: '2023T3', scope: 'ungdomstorget', values: seedValues },
    });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ id: firstId, version: 1, sha256: res.json.sha256, created: false });
  });

  it('kansliet returns it with a comment; the status matrix shows it', async () => {
    const missingComment = await api('POST', `${base}/submissions/${firstId}/return`, {
      token: tokens.kansli,
      json: {},
    });
    expect(missingComment.status).toBe(400);
    const res = await api('POST', `${base}/submissions/${firstId}/return`, {
      token: tokens.kansli,
      json: { comment: 'Kontrollera antal män' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ state: 'returnerad', stateComment: 'Kontrollera antal män' });
    const status = await api('GET', `${base}/status?period=2023T3`, { token: tokens.kansli });
    const row = status.json.rows.find(
      (r: { templateId: string; scope: string }) => r.templateId === 'deltagare-avslut' && r.scope === 'ungdomstorget',
    );
    expect(row).toMatchObject({ state: 'returnerad', version: 1 });
    expect(
      status.json.rows.find(
        (r: { scope: string; templateId: string }) => r.templateId === 'deltagare-avslut' && r.scope === 'vuxentorget',
      ).state,
    ).toBe('sen'); // missing, and 2023T3's default deadline (TERTIAL_DEADLINE_DAYS after December) has passed
  });

  it('a resubmission becomes version 2; approving the old version is refused, the new one approved', async () => {
    const values = {
      ...seedValues,
      'deltagare.antal.m': 375,
      'deltagare.antal.tot': 773,
      'deltagare.kvar.m': 253,
      'deltagare.kvar.tot': 539,
    };
    const res = await api('POST', `${base}/submissions`, {
      token: tokens.umea,
      json: { templateId: 'deltagare-avslut', period: '2023T3', scope: 'ungdomstorget', values },
    });
    expect(res.status).toBe(201);
    expect(res.json.version).toBe(2);
    const old = await api('POST', `${base}/submissions/${firstId}/approve`, { token: tokens.kansli });
    expect(old.status).toBe(409);
    const approved = await api('POST', `${base}/submissions/${res.json.id}/approve`, { token: tokens.kansli });
    expect(approved.status).toBe(200);
    expect(approved.json.state).toBe('godkand');
    const one = await api('GET', `${base}/submissions/${res.json.id}`, { token: tokens.umea });
    expect(one.json.values['deltagare.antal.m']).toBe(375);
  });

  it('a warning needs a comment', async () => {
    const values = {
      ...seedValues,
      'aktualiserade.ja.af': 36,
      'aktualiserade.ja.tot': 252,
      'aktualiserade_kon.ja.k': 139,
      'aktualiserade_kon.ja.tot': 252,
    };
    const body = { templateId: 'deltagare-avslut', period: '2023T3', scope: 'vuxentorget', values };
    const without = await api('POST', `${base}/submissions`, { token: tokens.umea, json: body });
    expect(without.status).toBe(422);
    expect(without.json.code).toBe('comment-required');
    const withComment = await api('POST', `${base}/submissions`, {
      token: tokens.umea,
      json: { ...body, comment: 'Ett beslut väntar på AF' },
    });
    expect(withComment.status).toBe(201);
  });

  it('after kansliet locks the period, a late submission is refused with 409', async () => {
    const lock = await api('PUT', `${base}/periods/2023T3`, { token: tokens.kansli, json: { locked: true } });
    expect(lock.status).toBe(200);
    const res = await api('POST', `${base}/submissions`, {
      token: tokens.umea,
      json: { templateId: 'deltagare-avslut', period: '2023T3', scope: 'ungdomstorget', values: seedValues },
    });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('period-locked');
  });

  it('a passed deadline refuses submissions and marks missing reports as sen', async () => {
    await api('PUT', `${base}/periods/2023T2`, {
      token: tokens.kansli,
      json: { locked: false, deadline: '2023-09-15T23:59:59+02:00' },
    });
    const res = await api('POST', `${base}/submissions`, {
      token: tokens.umea,
      json: { templateId: 'deltagare-avslut', period: '2023T2', scope: 'ungdomstorget', values: seedValues },
    });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('deadline-passed');
    const status = await api('GET', `${base}/status?period=2023T2`, { token: tokens.kansli });
    expect(status.json.rows.every((r: { state: string }) => r.state === 'sen')).toBe(true);
  });
});

describe('who may do what', () => {
  const submit = { templateId: 'deltagare-avslut', period: '2023T1', scope: 'ungdomstorget', values: seedValues };
  it.each([
    ['no token', 401, undefined, 'GET', '/status?period=2023T1', undefined],
    ['an expired token', 401, 'expired', 'GET', '/status?period=2023T1', undefined],
    ['a reporter calling a kansli route', 403, 'umea', 'GET', '/status?period=2023T1', undefined],
    ['a party submitting a platform it does not run', 403, 'af', 'POST', '/submissions', submit],
    [
      'a reporter approving',
      403,
      'umea',
      'POST',
      '/submissions/2023T3~deltagare-avslut~ungdomstorget~umea~2/approve',
      undefined,
    ],
    ['another förbund’s kansli', 403, 'otherKansli', 'GET', '/status?period=2023T1', undefined],
  ] as const)('%s gets %d', async (_name, status, who, method, path, json) => {
    const res = await api(method, `${base}${path}`, { token: who ? tokens[who] : undefined, json });
    expect(res.status).toBe(status);
    expect(typeof res.json.message).toBe('string');
  });

  it.each([
    ['a wrong signature', () => devAuth().token({ forbund: 'umearegionen', role: 'kansli' })],
    [
      'a wrong audience',
      () => auth.token({ forbund: 'umearegionen', role: 'kansli' }, { audience: 'api://another-app' }),
    ],
    [
      'a wrong issuer',
      () => auth.token({ forbund: 'umearegionen', role: 'kansli' }, { issuer: 'https://evil.example' }),
    ],
  ])('a token with %s is 401', async (_name, forge) => {
    expect((await api('GET', `${base}/status?period=2023T1`, { token: await forge() })).status).toBe(401);
  });

  it('another förbund answers exactly like one that does not exist', async () => {
    const existing = await api('GET', '/forbund/skelleftea-norsjo/status?period=2023T1', { token: tokens.kansli });
    const missing = await api('GET', '/forbund/finns-inte/status?period=2023T1', { token: tokens.kansli });
    expect(existing.status).toBe(403);
    expect(existing.json).toEqual(missing.json);
  });

  it('a reporter sees only their own party’s submissions', async () => {
    const af = await api('GET', `${base}/submissions?period=2023T3`, { token: tokens.af });
    expect(af.json.versions).toEqual([]);
    const other = await api('GET', `${base}/submissions/2023T3~deltagare-avslut~ungdomstorget~umea~1`, {
      token: tokens.af,
    });
    expect(other.status).toBe(404);
  });
});

describe('deadline rush', () => {
  it('20 parallel resubmissions of one scope through the API become 20 contiguous versions, none lost', async () => {
    const period = '2024T1';
    const bodies = Array.from({ length: 20 }, (_, i) => ({
      templateId: 'deltagare-avslut',
      period,
      scope: 'vuxentorget',
      values: { ...seedValues, 'deltagare.nya.k': 100 + i, 'deltagare.nya.tot': 250 + i, 'deltagare.nya.m': 150 },
    }));
    const responses = await Promise.all(
      bodies.map((json) => api('POST', `${base}/submissions`, { token: tokens.umea, json })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const versions = responses.map((r) => r.json.version as number).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const list = await api('GET', `${base}/submissions?period=${period}`, { token: tokens.kansli });
    expect(list.json.versions).toHaveLength(20);
    expect(list.json.current).toEqual([expect.objectContaining({ scope: 'vuxentorget', version: 20 })]);
    const last = responses.find((r) => r.json.version === 20)!;
    expect(list.json.current[0].sha256).toBe(last.json.sha256);
  });
});
