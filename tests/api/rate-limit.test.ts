/**
 * Write routes answer 429 with Retry-After beyond the allowance per principal and per client
 * address (RATE_LIMIT_PER_PRINCIPAL, RATE_LIMIT_PER_ADDRESS, per minute), on the local host,
 * which names the caller in X-Forwarded-For as Azure's front end does. A refused write stores
 * nothing; reads and validation are not limited.
 */
import { startTestStack, type TestStack } from '../support/test-stack';
import { zeroSubmission } from '../support/zero-submission';
import { call, devAuth } from './api-client';

const auth = devAuth();
const base = '/forbund/umearegionen';

const reporter = (subject: string) => auth.token({ forbund: 'umearegionen', party: 'umea', role: 'reporter', subject });

describe('per principal', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { ...auth.env, RATE_LIMIT_PER_PRINCIPAL: '3', RATE_LIMIT_PER_ADDRESS: '0' } });
  });
  afterAll(() => stack?.stop());

  it('refuses the fourth write a minute with 429 and Retry-After, stores none of it, lets others write', async () => {
    const token = await reporter('anna');
    const statuses: number[] = [];
    for (const period of ['2024T1', '2024T2', '2024T3']) {
      const res = await call(stack.apiUrl, 'POST', `${base}/submissions`, { token, json: zeroSubmission(period) });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201]);
    const refused = await call(stack.apiUrl, 'POST', `${base}/submissions`, { token, json: zeroSubmission('2025T1') });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(20);
    expect(refused.json).toMatchObject({
      code: 'too-many-requests',
      message: expect.stringMatching(/^Du har skickat/),
    });
    const stored = await call(stack.apiUrl, 'GET', `${base}/submissions?period=2025T1`, { token });
    expect(stored.status).toBe(200);
    expect(stored.json.current).toEqual([]);

    // Reading and checking are not writes.
    for (let i = 0; i < 5; i++) {
      expect((await call(stack.apiUrl, 'GET', `${base}/submissions?period=2024T1`, { token })).status).toBe(200);
      expect(
        (await call(stack.apiUrl, 'POST', `${base}/validate`, { token, json: zeroSubmission('2025T1') })).status,
      ).toBe(200);
    }
    // Another person from the same address writes as before.
    const other = await call(stack.apiUrl, 'POST', `${base}/submissions`, {
      token: await reporter('bertil'),
      json: zeroSubmission('2025T1'),
    });
    expect(other.status).toBe(201);
  });
});

describe('per client address', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { ...auth.env, RATE_LIMIT_PER_PRINCIPAL: '0', RATE_LIMIT_PER_ADDRESS: '4' } });
  });
  afterAll(() => stack?.stop());

  it('refuses the fifth write from one address, whoever sends it and whatever X-Forwarded-For it claims', async () => {
    const statuses: number[] = [];
    for (const [i, period] of ['2024T1', '2024T2', '2024T3', '2025T1'].entries()) {
      const res = await call(stack.apiUrl, 'POST', `${base}/submissions`, {
        token: await reporter(`person-${i}`),
        json: zeroSubmission(period),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201]);
    const response = await fetch(`${stack.apiUrl}${base}/submissions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await reporter('person-5')}`,
        'content-type': 'application/json',
        // Only the entry the host appends counts; this one is the client's own claim.
        'x-forwarded-for': '198.51.100.9',
      },
      body: JSON.stringify(zeroSubmission('2025T2')),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    // The address is judged before the token: a flood of bad tokens is limited too.
    const unsigned = await call(stack.apiUrl, 'POST', `${base}/submissions`, {
      token: 'x.y.z',
      json: zeroSubmission('2025T2'),
    });
    expect(unsigned.status).toBe(429);
  });
});
