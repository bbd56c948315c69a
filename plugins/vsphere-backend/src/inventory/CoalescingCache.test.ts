import { CacheService } from '@backstage/backend-plugin-api';
import { CoalescingCache } from './CoalescingCache';

/** One store shared by the caches made from it, as Valkey is shared by replicas; values go through JSON like Valkey's. */
function sharedStore(): CacheService {
  const entries = new Map<string, { json: string; expires: number }>();
  const store: CacheService = {
    async get(key) {
      const entry = entries.get(key);
      return entry && entry.expires > Date.now()
        ? JSON.parse(entry.json)
        : undefined;
    },
    async set(key, value, options) {
      entries.set(key, {
        json: JSON.stringify(value),
        expires: Date.now() + (options?.ttl as number),
      });
    },
    async delete(key) {
      entries.delete(key);
    },
    withOptions: () => store,
  };
  return store;
}

describe('CoalescingCache', () => {
  it('shares one upstream read among concurrent callers and reuses it while fresh', async () => {
    const cache = new CoalescingCache(sharedStore(), { ttlMs: 60_000 });
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
    const cache = new CoalescingCache(sharedStore(), { ttlMs: 60_000 });
    let reads = 0;
    const scope = { scope: 'ns:demo' };
    await cache.get('clusters:demo', async () => ++reads, scope);
    await cache.invalidate('ns:demo');
    await expect(
      cache.get('clusters:demo', async () => ++reads, scope),
    ).resolves.toBe(2);

    await expect(
      cache.get('other', async () => {
        throw new Error('down');
      }),
    ).rejects.toThrow('down');
    await expect(cache.get('other', async () => 'up')).resolves.toBe('up');
  });

  it('shares entries and invalidation between replicas on one cache store', async () => {
    const store = sharedStore();
    const replicaA = new CoalescingCache(store, { ttlMs: 60_000 });
    const replicaB = new CoalescingCache(store, { ttlMs: 60_000 });
    const scope = { scope: 'ns:team-a' };
    let replicas = 3;
    const read = async () => ({ replicas });

    await replicaA.get('pools', read, scope);
    replicas = 5;
    // B is served A's read while it is fresh
    await expect(replicaB.get('pools', read, scope)).resolves.toEqual({
      replicas: 3,
    });
    // a scale through A invalidates; B's next view reads the new state
    await replicaA.invalidate('ns:team-a');
    await expect(replicaB.get('pools', read, scope)).resolves.toEqual({
      replicas: 5,
    });
  });

  it('serves an expired value at once while one background read refreshes it', async () => {
    const cache = new CoalescingCache(sharedStore(), { ttlMs: 20 });
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
