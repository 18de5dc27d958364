import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { signDevToken } from './dev-token';
import { closedPort } from '../../tests/support/ports';
import { AuthenticationError, createTokenVerifier, KeyServiceUnavailableError } from './token-verifier';

const bearer = (token: string) => `Bearer ${token}`;

const dev = {
  issuer: 'samlad-dev',
  audience: 'samlad-api',
  signingKey: new TextEncoder().encode('a-test-key-that-is-long-enough-for-hs256!'),
};

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    return error instanceof AuthenticationError ? error.reason : `unexpected ${String(error)}`;
  }
}

describe('dev issuer', () => {
  const verify = createTokenVerifier({ mode: 'dev', ...dev });

  it('accepts its own token and maps the role to a principal', async () => {
    const token = await signDevToken({ forbund: 'umearegionen', party: 'af', role: 'reporter' }, dev);
    await expect(verify(`Bearer ${token}`)).resolves.toMatchObject({
      role: 'reporter',
      forbund: 'umearegionen',
      party: 'af',
    });
  });

  it.each([
    ['no header', async () => undefined, 'missing'],
    ['not a bearer token', async () => 'Basic dXNlcjpwYXNz', 'malformed'],
    [
      'expired',
      async () => bearer(await signDevToken({ forbund: 'umearegionen', role: 'kansli', expiresInSeconds: -3600 }, dev)),
      'expired',
    ],
    [
      'wrong signature',
      async () =>
        bearer(
          await signDevToken(
            { forbund: 'umearegionen', role: 'kansli' },
            { ...dev, signingKey: new TextEncoder().encode('another-key-another-key-another-key!!') },
          ),
        ),
      'invalid',
    ],
    [
      'wrong audience',
      async () =>
        bearer(await signDevToken({ forbund: 'umearegionen', role: 'kansli' }, { ...dev, audience: 'other-api' })),
      'invalid',
    ],
    [
      'wrong issuer',
      async () => bearer(await signDevToken({ forbund: 'umearegionen', role: 'kansli' }, { ...dev, issuer: 'evil' })),
      'invalid',
    ],
    [
      'no Samlad role',
      async () =>
        bearer(
          await new SignJWT({ roles: ['Something.Else'] })
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject('x')
            .setIssuer(dev.issuer)
            .setAudience(dev.audience)
            .setExpirationTime('1h')
            .sign(dev.signingKey),
        ),
      'no-role',
    ],
    [
      'roles in two förbund',
      async () =>
        bearer(
          await new SignJWT({ roles: ['Kansli.umearegionen', 'Reporter.skelleftea-norsjo.af'] })
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject('x')
            .setIssuer(dev.issuer)
            .setAudience(dev.audience)
            .setExpirationTime('1h')
            .sign(dev.signingKey),
        ),
      'no-role',
    ],
    [
      'alg none',
      async () =>
        bearer(
          [
            Buffer.from('{"alg":"none"}').toString('base64url'),
            Buffer.from(
              JSON.stringify({ roles: ['Admin'], sub: 'x', iss: dev.issuer, aud: dev.audience, exp: 9999999999 }),
            ).toString('base64url'),
            'x',
          ].join('.'),
        ),
      'invalid',
    ],
  ])('refuses %s', async (_name, header, expected) => {
    expect(await reason(verify(await header()))).toBe(expected);
  });
});

describe('token lifetime (issue 15: a token valid until 2200 was accepted)', () => {
  const year2200 = Date.UTC(2200, 0, 1) / 1000;
  const signed = (claims: { iat?: number; exp: number }) => {
    const jwt = new SignJWT({ roles: ['Kansli.umearegionen'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(dev.issuer)
      .setAudience(dev.audience)
      .setExpirationTime(claims.exp);
    return (claims.iat === undefined ? jwt : jwt.setIssuedAt(claims.iat)).sign(dev.signingKey);
  };
  const nowSeconds = Math.floor(Date.now() / 1000);

  it.each([
    ['valid until 2200', { iat: nowSeconds, exp: year2200 }, 'too-long-lived'],
    ['valid until 2200, without iat', { exp: year2200 }, 'too-long-lived'],
    ['issued "in the future" to hide its lifetime', { iat: year2200 - 60, exp: year2200 }, 'too-long-lived'],
    ['valid for a day and a half', { iat: nowSeconds, exp: nowSeconds + 36 * 3600 }, 'too-long-lived'],
    ['valid for eight hours (the dev issuer’s own)', { iat: nowSeconds, exp: nowSeconds + 8 * 3600 }, 'accepted'],
    ['issued 20 hours ago, valid 2 more', { iat: nowSeconds - 20 * 3600, exp: nowSeconds + 2 * 3600 }, 'accepted'],
  ])('by default (a day): %s → %s', async (_name, claims, expected) => {
    const verify = createTokenVerifier({ mode: 'dev', ...dev });
    expect(await reason(verify(`Bearer ${await signed(claims)}`))).toBe(expected);
  });

  it('follows the configured maximum', async () => {
    const verify = createTokenVerifier({ mode: 'dev', ...dev, maxLifetimeSeconds: 3600 });
    expect(await reason(verify(`Bearer ${await signed({ iat: nowSeconds, exp: nowSeconds + 7200 })}`))).toBe(
      'too-long-lived',
    );
    expect(await reason(verify(`Bearer ${await signed({ iat: nowSeconds, exp: nowSeconds + 1800 })}`))).toBe(
      'accepted',
    );
  });
});

describe('remembered tokens', () => {
  /** A verifier on a clock the test moves, with the dev key's checks counted. */
  function counted(start = Date.now()) {
    let clock = start;
    const subtleVerify = jest.spyOn(globalThis.crypto.subtle, 'verify');
    const verify = createTokenVerifier({ mode: 'dev', ...dev }, () => clock);
    return { verify, checks: () => subtleVerify.mock.calls.length, advance: (ms: number) => (clock += ms) };
  }
  afterEach(() => jest.restoreAllMocks());

  it("checks a token's signature once while valid, and requests arriving together share the check", async () => {
    const { verify, checks } = counted();
    const header = bearer(await signDevToken({ forbund: 'umearegionen', party: 'af', role: 'reporter' }, dev));
    const principals = await Promise.all([verify(header), verify(header), verify(header)]);
    await verify(header);
    expect(checks()).toBe(1);
    expect(new Set(principals.map((p) => JSON.stringify(p))).size).toBe(1);
    expect(principals[0]).toMatchObject({ role: 'reporter', party: 'af' });
  });

  it('checks again after the token expires (and refuses it) and after ten minutes', async () => {
    const { verify, checks, advance } = counted();
    const short = bearer(await signDevToken({ forbund: 'umearegionen', role: 'kansli', expiresInSeconds: 120 }, dev));
    await verify(short);
    advance(121_000 + 60_000); // past expiry and jose's clock tolerance
    expect(await reason(verify(short))).toBe('expired');
    expect(checks()).toBe(2);

    const long = bearer(await signDevToken({ forbund: 'umearegionen', role: 'kansli' }, dev));
    await verify(long);
    advance(9 * 60_000);
    await verify(long);
    expect(checks()).toBe(3);
    advance(2 * 60_000);
    await verify(long);
    expect(checks()).toBe(4);
  });

  it('never remembers a refusal, and a token with one changed character is checked on its own', async () => {
    const { verify, checks } = counted();
    const token = await signDevToken({ forbund: 'umearegionen', role: 'kansli' }, dev);
    // One character in the middle of the signature changed (its last characters carry padding bits).
    const at = token.lastIndexOf('.') + 10;
    const tampered = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
    expect(await reason(verify(`Bearer ${tampered}`))).toBe('invalid');
    expect(await reason(verify(`Bearer ${tampered}`))).toBe('invalid');
    expect(await reason(verify(`Bearer ${token}`))).toBe('accepted');
    expect(checks()).toBe(3);
  });
});

describe('Entra ID mode (keys from a JWKS endpoint, served here on loopback)', () => {
  let server: Server;
  let jwksUri: string;
  let privateKey: CryptoKey;
  const entra = { issuer: 'https://login.microsoftonline.com/tenant-id/v2.0', audience: 'api://samlad' };

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const entraToken = (claims: Record<string, unknown>, audience = entra.audience) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(entra.issuer)
      .setAudience(audience)
      .setExpirationTime('1h')
      .sign(privateKey);

  it('maps app roles and the oid claim', async () => {
    const verify = createTokenVerifier({ mode: 'entra', ...entra, jwksUri });
    const token = await entraToken({
      oid: 'user-1',
      sub: 'pairwise',
      name: 'Anna Kansli',
      roles: ['Kansli.umearegionen'],
    });
    await expect(verify(`Bearer ${token}`)).resolves.toEqual({
      subject: 'user-1',
      name: 'Anna Kansli',
      role: 'kansli',
      forbund: 'umearegionen',
    });
  });

  it('refuses a token for another audience', async () => {
    const verify = createTokenVerifier({ mode: 'entra', ...entra, jwksUri });
    const token = await entraToken({ oid: 'user-1', roles: ['Admin'] }, 'api://other');
    expect(await reason(verify(`Bearer ${token}`))).toBe('invalid');
  });

  it("answers a key service it cannot reach as unavailable, not as the caller's fault", async () => {
    const dead = `http://127.0.0.1:${await closedPort()}/keys`;
    const token = await entraToken({ oid: 'user-1', roles: ['Admin'] });
    const down = createTokenVerifier({ mode: 'entra', ...entra, jwksUri: dead });
    await expect(down(`Bearer ${token}`)).rejects.toBeInstanceOf(KeyServiceUnavailableError);
    await expect(down(`Bearer ${token}`)).rejects.toBeInstanceOf(KeyServiceUnavailableError);
  });

  it('answers a key service that fails (HTTP 500) as unavailable too', async () => {
    const failing = createServer((_req, res) => res.writeHead(500).end('nej'));
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    try {
      const uri = `http://127.0.0.1:${(failing.address() as AddressInfo).port}/keys`;
      const verify = createTokenVerifier({ mode: 'entra', ...entra, jwksUri: uri });
      const token = await entraToken({ oid: 'user-1', roles: ['Admin'] });
      await expect(verify(`Bearer ${token}`)).rejects.toBeInstanceOf(KeyServiceUnavailableError);
    } finally {
      await new Promise<void>((resolve) => failing.close(() => resolve()));
    }
  });

  it('refuses an HS256 token even if it were signed with the public key material', async () => {
    const verify = createTokenVerifier({ mode: 'entra', ...entra, jwksUri });
    const token = await signDevToken({ role: 'admin' }, { ...dev, issuer: entra.issuer, audience: entra.audience });
    expect(await reason(verify(`Bearer ${token}`))).toBe('invalid');
  });
});
