/**
 * Token checks against the real built host (issue 15): a role naming a party the förbund does
 * not have is refused outright, and with Entra ID's key service unreachable a request gets a
 * 503 with Retry-After — the caller is not told their sign-in is wrong.
 */
import { generateKeyPair, SignJWT } from 'jose';
import { closedPort } from '../support/ports';
import { startTestStack, type TestStack } from '../support/test-stack';
import { call, devAuth } from './api-client';

describe('with the dev issuer', () => {
  const auth = devAuth();
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: auth.env });
  }, 60_000);
  afterAll(() => stack?.stop());

  it.each(['templates', 'submissions?period=2023T3'])(
    'refuses a reporter role for a party the förbund does not have on GET %s',
    async (route) => {
      const token = await auth.token({ forbund: 'umearegionen', party: 'finns-inte', role: 'reporter' });
      const res = await call(stack.apiUrl, 'GET', `/forbund/umearegionen/${route}`, { token });
      expect(res.status).toBe(403);
      expect(res.json.message).toMatch(/part som inte finns/);
    },
  );

  it('still serves a reporter of a party it has', async () => {
    const token = await auth.token({ forbund: 'umearegionen', party: 'umea', role: 'reporter' });
    expect((await call(stack.apiUrl, 'GET', '/forbund/umearegionen/templates', { token })).status).toBe(200);
  });
});

describe('with Entra ID and its key service unreachable', () => {
  let stack: TestStack;
  const issuer = 'https://login.microsoftonline.com/tenant-guid/v2.0';
  beforeAll(async () => {
    stack = await startTestStack({
      env: {
        AUTH_MODE: 'entra',
        ENTRA_ISSUER: issuer,
        ENTRA_AUDIENCE: 'api://samlad',
        ENTRA_JWKS_URI: `http://127.0.0.1:${await closedPort()}/keys`,
      },
    });
  }, 60_000);
  afterAll(() => stack?.stop());

  it('answers 503 with Retry-After, not 401', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ oid: 'user-1', roles: ['Kansli.umearegionen'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience('api://samlad')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const res = await call(stack.apiUrl, 'GET', '/forbund/umearegionen/templates', { token });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.json.message).toMatch(/Försök igen/);
  });
});
