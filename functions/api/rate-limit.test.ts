import { clientAddress, TokenBuckets } from './rate-limit';

const request = (forwardedFor?: string) => ({
  headers: new Headers(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }),
});

describe('TokenBuckets', () => {
  it('lets a minute’s allowance through at once, then one more per refill, and says when to come back', () => {
    let now = 0;
    const buckets = new TokenBuckets(6, () => now); // one every 10 s
    for (let i = 0; i < 6; i++) expect(buckets.take('a')).toEqual({ ok: true });
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
    now = 4_000;
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterSeconds: 6 });
    now = 10_000;
    expect(buckets.take('a')).toEqual({ ok: true });
    expect(buckets.take('b')).toEqual({ ok: true }); // Another key has its own allowance.
  });

  it('never holds more than a minute’s allowance, however long a caller was quiet', () => {
    let now = 0;
    const buckets = new TokenBuckets(2, () => now);
    buckets.take('a');
    now = 3_600_000;
    expect([buckets.take('a').ok, buckets.take('a').ok, buckets.take('a').ok]).toEqual([true, true, false]);
  });

  it('limits nothing at 0', () => {
    const buckets = new TokenBuckets(0);
    for (let i = 0; i < 1000; i++) expect(buckets.take('a').ok).toBe(true);
  });

  it('keeps a bounded number of callers, forgetting the least recently seen', () => {
    const buckets = new TokenBuckets(1, () => 0, 2);
    expect(buckets.take('a').ok).toBe(true);
    expect(buckets.take('b').ok).toBe(true);
    expect(buckets.take('c').ok).toBe(true); // 'a' is forgotten: a full bucket again
    expect(buckets.take('b').ok).toBe(false);
    expect(buckets.take('a').ok).toBe(true);
  });
});

describe('clientAddress', () => {
  it.each([
    ['the front end’s entry', '203.0.113.7:51234', 0, '203.0.113.7'],
    ['the last entry, not one a client sent', '198.51.100.1, 203.0.113.7:51234', 0, '203.0.113.7'],
    ['behind one trusted proxy, the entry before it', '203.0.113.7:51234, 192.0.2.10:443', 1, '203.0.113.7'],
    ['an IPv6 address', '[2001:db8::1]:51234', 0, '2001:db8::1'],
    ['an address without a port', '203.0.113.7', 0, '203.0.113.7'],
    ['fewer entries than hops', '203.0.113.7:1', 2, '203.0.113.7'],
  ])('%s', (_case, header, hops, expected) => expect(clientAddress(request(header), hops)).toBe(expected));

  it('calls an unnamed caller "unknown"', () => expect(clientAddress(request(), 0)).toBe('unknown'));
});
