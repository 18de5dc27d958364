/**
 * Test-only HTTP functions, registered exactly like the app's own (tests load them with
 * `--main dist/tests/support/functions/*.js`). They report what the host handed them.
 */
import { app, HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';

export async function fixtureItem(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  return {
    jsonBody: {
      id: request.params['id'],
      q: request.query.get('q'),
      method: request.method,
      url: request.url,
      header: request.headers.get('x-test'),
      body: request.method === 'PUT' ? await request.json() : null,
      functionName: context.functionName,
      invocationId: context.invocationId,
      // The handler must receive the library's own classes, not look-alikes.
      realRequest: request instanceof HttpRequest,
      realContext: context instanceof InvocationContext,
    },
  };
}

export async function fixtureEcho(request: HttpRequest): Promise<HttpResponseInit> {
  const bytes = Buffer.from(await request.arrayBuffer());
  return {
    status: 201,
    headers: { 'x-echo-length': String(bytes.byteLength) },
    cookies: [{ name: 'fixture', value: 'yes', httpOnly: true, sameSite: 'Strict', path: '/' }],
    body: 'echo:' + bytes.toString('utf8'),
  };
}

export function fixtureFiles(request: HttpRequest): HttpResponseInit {
  return { jsonBody: { path: request.params['path'] ?? null } };
}

export function fixtureFail(): HttpResponseInit {
  throw new Error('fixture failure (expected by the test)');
}

app.http('fixtureItem', { route: 'fixture/items/{id:int}', methods: ['GET', 'PUT'], handler: fixtureItem });
app.http('fixtureEcho', { route: 'fixture/echo', methods: ['POST'], handler: fixtureEcho });
app.http('fixtureFiles', { route: 'fixture/files/{*path}', methods: ['GET'], handler: fixtureFiles });
app.http('fixtureFail', { route: 'fixture/fail', methods: ['GET'], handler: fixtureFail });

// Hooks run around every invocation; this one marks fixture responses so a test can see it ran.
app.hook.postInvocation((context) => {
  if (!context.invocationContext.functionName.startsWith('fixtureItem')) return;
  const result = context.result as HttpResponseInit | undefined;
  if (result) context.result = { ...result, headers: { ...result.headers, 'x-post-invocation-hook': 'ran' } };
});
