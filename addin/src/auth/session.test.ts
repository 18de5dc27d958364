import { sessionFromToken } from './session';

/** base64url of UTF-8 JSON, as a JWT carries it (browser APIs only: the pane's tests have no Node types). */
const encode = (value: unknown): string =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const token = (payload: Record<string, unknown>): string => `${encode({ alg: 'HS256' })}.${encode(payload)}.signature`;
const now = Date.UTC(2026, 10, 23);
const exp = now / 1000 + 3600;

describe('a session from a bearer token', () => {
  it('reads who is signed in and their role, with å, ä, ö intact', () => {
    const result = sessionFromToken(
      token({ sub: 'u1', name: 'Åsa Öberg', exp, roles: ['Reporter.umearegionen.vannas'] }),
      now,
    );
    expect(result).toEqual({
      ok: true,
      session: expect.objectContaining({
        displayName: 'Åsa Öberg',
        expiresAt: exp * 1000,
        principal: expect.objectContaining({ role: 'reporter', forbund: 'umearegionen', party: 'vannas' }),
      }),
    });
  });

  it.each([
    ['an expired token', token({ sub: 'u1', exp: now / 1000 - 1, roles: ['Kansli.umearegionen'] }), 'expired'],
    ['a token without a Samlad role', token({ sub: 'u1', exp, roles: ['Something.Else'] }), 'no-role'],
    [
      'roles in two förbund',
      token({ sub: 'u1', exp, roles: ['Kansli.umearegionen', 'Kansli.skelleftea-norsjo'] }),
      'no-role',
    ],
    ['not a JWT', 'abc', 'malformed'],
    ['a payload that is not JSON', 'a.bm90IGpzb24.c', 'malformed'],
  ])('refuses %s', (_name, value, reason) => {
    expect(sessionFromToken(value, now)).toEqual({ ok: false, reason });
  });
});
