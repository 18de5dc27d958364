/**
 * The local host serves real HTTP requests to handlers registered with app.http:
 * the app's own health function and test fixtures with route parameters.
 */
import { fixtureFunctions, startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ extraMain: [fixtureFunctions] });
});
afterAll(async () => {
  await stack?.stop();
});

describe('local host: HTTP', () => {
  it.each([
    ['the health function', 'GET', '/health'],
    ['an app route without a token (401)', 'GET', '/forbund/umearegionen/templates'],
    ['a fixture route', 'GET', '/fixture/items/42'],
    ['a handler that throws (500)', 'GET', '/fixture/fail'],
    ['no such route (404)', 'GET', '/finns-inte'],
    ['a method the route does not take (405)', 'DELETE', '/fixture/items/42'],
  ])('sends X-Content-Type-Options: nosniff (host.json customHeaders) on %s', async (_name, method, path) => {
    const response = await fetch(`${stack.apiUrl}${path}`, { method });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it("routes GET /api/health to the app's health function, which reaches the test Azurite", async () => {
    const response = await fetch(`${stack.apiUrl}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toMatchObject({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      storage: { table: { ok: true }, blob: { ok: true } },
    });
    expect(Date.parse(body.time)).not.toBeNaN();
  });

  it('hands route parameters, query, headers and the URL to the handler as a real HttpRequest', async () => {
    const response = await fetch(`${stack.apiUrl}/fixture/items/42?q=%C3%A5r`, { headers: { 'x-test': 'hello' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-post-invocation-hook')).toBe('ran');
    expect(await response.json()).toMatchObject({
      id: '42',
      q: 'år',
      method: 'GET',
      url: `${stack.apiUrl}/fixture/items/42?q=%C3%A5r`,
      header: 'hello',
      functionName: 'fixtureItem',
      invocationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      realRequest: true,
      realContext: true,
    });
  });

  it('passes a JSON body through', async () => {
    const response = await fetch(`${stack.apiUrl}/fixture/items/7`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Vännäs', n: 3 }),
    });
    expect(await response.json()).toMatchObject({ id: '7', method: 'PUT', body: { name: 'Vännäs', n: 3 } });
  });

  it("writes status, headers, cookies and body from the handler's response", async () => {
    const response = await fetch(`${stack.apiUrl}/fixture/echo`, { method: 'POST', body: 'ÅÄÖ' });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-echo-length')).toBe(String(Buffer.byteLength('ÅÄÖ')));
    expect(response.headers.get('set-cookie')).toBe('fixture=yes; Path=/; HttpOnly; SameSite=Strict');
    expect(await response.text()).toBe('echo:ÅÄÖ');
  });

  it('matches catch-all routes', async () => {
    const response = await fetch(`${stack.apiUrl}/fixture/files/a/b/c.txt`);
    expect(await response.json()).toEqual({ path: 'a/b/c.txt' });
  });

  it.each([
    ['a route constraint fails', '/api/fixture/items/abc'],
    ['no function has the route', '/api/no-such-function'],
    ['the path is outside the route prefix', '/fixture/items/1'],
  ])('answers 404 JSON when %s', async (_case, path) => {
    const response = await fetch(`${stack.baseUrl}${path}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ error: 'not_found' });
  });

  it('answers 405 with Allow for a method the function does not accept', async () => {
    const response = await fetch(`${stack.apiUrl}/fixture/items/5`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, PUT');
    expect(await response.json()).toMatchObject({ error: 'method_not_allowed', allow: ['GET', 'PUT'] });
  });

  it('answers a throwing handler with a bare 500 and keeps serving', async () => {
    const failed = await fetch(`${stack.apiUrl}/fixture/fail`);
    expect(failed.status).toBe(500);
    expect(await failed.text()).toBe('');
    expect(stack.process.output()).toContain('fixture failure (expected by the test)');
    expect((await fetch(`${stack.apiUrl}/health`)).status).toBe(200);
  });
});
