import { once } from './setup';

describe('once', () => {
  it('shares one attempt between concurrent callers, and tries again after a failure', async () => {
    let attempts = 0;
    const ensure = once(async () => {
      attempts++;
      if (attempts === 1) throw new Error('storage down');
    });
    const first = await Promise.allSettled([ensure(), ensure()]);
    expect(first.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(attempts).toBe(1);
    await Promise.all([ensure(), ensure()]);
    await ensure();
    expect(attempts).toBe(2);
  });
});
