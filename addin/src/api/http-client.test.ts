import { z } from 'zod';
import { PaneError } from './api-error';
import { HttpClient } from './http-client';
import { receiptSchema } from '../../../shared/api';

function client(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const onUnauthorized = jest.fn();
  const http = new HttpClient({
    baseUrl: '/api/',
    token: () => 'tok',
    onUnauthorized,
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(input), init: init ?? {} });
      return respond(String(input), init ?? {});
    }) as typeof fetch,
  });
  return { http, calls, onUnauthorized };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('the HTTP client', () => {
  it('sends the bearer token and JSON, and checks the answer by its schema', async () => {
    const { http, calls } = client(() =>
      json(201, {
        id: 'x',
        version: 2,
        sha256: 'ab',
        submittedAt: '2026-11-23T10:00:00Z',
        templateId: 'deltagare-avslut',
        period: '2023T1',
        scope: 'ungdomstorget',
        created: true,
      }),
    );
    const { status, data } = await http.json('/forbund/f/submissions', receiptSchema, {
      method: 'POST',
      json: { a: 1 },
      query: { comment: undefined, period: '2023T1' },
    });
    expect(status).toBe(201);
    expect(data).toMatchObject({ version: 2, warnings: [], late: false });
    expect(calls[0]?.url).toBe('/api/forbund/f/submissions?period=2023T1');
    expect(calls[0]?.init.headers).toMatchObject({ authorization: 'Bearer tok', 'content-type': 'application/json' });
  });

  it("turns the API's error body into a PaneError with its Swedish message and findings", async () => {
    const finding = {
      code: 'sum-mismatch',
      severity: 'fel',
      cell: "'Deltagare och avslut'!D7",
      cellId: 'deltagare.antal.tot',
      element: 'Antal deltagare',
      column: 'Totalt',
      params: { sum: 12, total: 13 },
      message: 'Fel i D7',
    };
    const { http } = client(() =>
      json(422, { code: 'validation-failed', message: 'Uppgifterna har fel.', findings: [finding] }),
    );
    const error = await http.json('/x', z.unknown()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaneError);
    expect(error).toMatchObject({
      code: 'validation-failed',
      messageSv: 'Uppgifterna har fel.',
      status: 422,
      transient: false,
      findings: [finding],
    });
  });

  it('says the sign-in has expired on 401 and tells the app', async () => {
    const { http, onUnauthorized } = client(() => new Response('', { status: 401 }));
    await expect(http.json('/x', z.unknown())).rejects.toMatchObject({
      code: 'http-401',
      messageSv: 'Din inloggning har gått ut. Logga in igen.',
    });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('marks server trouble and network failures as worth a retry', async () => {
    await expect(
      client(() => json(503, { code: 'unavailable', message: 'Lagringen svarar inte.' })).http.json('/x', z.unknown()),
    ).rejects.toMatchObject({ transient: true, messageSv: 'Lagringen svarar inte.' });
    await expect(
      client(() => Promise.reject(new TypeError('fetch failed'))).http.json('/x', z.unknown()),
    ).rejects.toMatchObject({ code: 'network', transient: true });
  });

  it('refuses an answer of the wrong shape instead of passing it on', async () => {
    await expect(client(() => json(200, { id: 1 })).http.json('/x', receiptSchema)).rejects.toMatchObject({
      code: 'bad-response',
    });
  });

  it('downloads a file with its name from Content-Disposition', async () => {
    const { http } = client(
      () =>
        new Response(new Uint8Array([80, 75]), {
          status: 200,
          headers: { 'content-disposition': 'attachment; filename="mall_2023T1.xlsx"' },
        }),
    );
    const file = await http.file('/x');
    expect(file.fileName).toBe('mall_2023T1.xlsx');
    expect(new Uint8Array(await file.blob.arrayBuffer())).toEqual(new Uint8Array([80, 75]));
  });
});
