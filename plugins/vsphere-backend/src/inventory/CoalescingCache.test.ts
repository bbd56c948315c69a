import { CoalescingCache } from './CoalescingCache';

describe('CoalescingCache', () => {
  it('shares one upstream read among concurrent callers and reuses it while fresh', async () => {
    const cache = new CoalescingCache({ ttlMs: 60_000 });
    let reads = 0;
    const read = async () => {
      reads += 1;
      await new Promise(resolve => setTimeout(resolve, 10));
      return { vms: reads };
    };

    const results = await Promise.all(
      Array.from({ length: 50 }, () => cache.get('vms:demo', read)),
    );
    await cache.get('vms:demo', read);

    expect(reads).toBe(1);
    expect(new Set(results.map(r => r.vms))).toEqual(new Set([1]));
  });

  it('reads again after invalidation and after a failure', async () => {
    const cache = new CoalescingCache({ ttlMs: 60_000 });
    let reads = 0;
    await cache.get('clusters:demo', async () => ++reads);
    cache.invalidate('clusters:');
    await expect(cache.get('clusters:demo', async () => ++reads)).resolves.toBe(
      2,
    );

    await expect(
      cache.get('other', async () => {
        throw new Error('down');
      }),
    ).rejects.toThrow('down');
    await expect(cache.get('other', async () => 'up')).resolves.toBe('up');
  });

  it('serves an expired value at once while one background read refreshes it', async () => {
    const cache = new CoalescingCache({ ttlMs: 20 });
    let reads = 0;
    const read = async () => {
      reads += 1;
      return reads;
    };
    await cache.get('vms', read);
    await new Promise(resolve => setTimeout(resolve, 40));

    const stale = await Promise.all([
      cache.get('vms', read),
      cache.get('vms', read),
    ]);
    expect(stale).toEqual([1, 1]);
    await new Promise(resolve => setTimeout(resolve, 5));
    expect(reads).toBe(2);
    await expect(cache.get('vms', read)).resolves.toBe(2);
  });
});
