import { LRUCache } from 'lru-cache';

/**
 * Keeps upstream reads for a short time and lets concurrent readers of the same key share
 * one request, so upstream load does not grow with the number of people viewing pages.
 * An expired entry is still served while one background read refreshes it, so warm views
 * never wait on upstream.
 */
export class CoalescingCache {
  private readonly cache: LRUCache<
    string,
    { value: unknown },
    () => Promise<unknown>
  >;

  constructor(options: { ttlMs: number; maxEntries?: number }) {
    this.cache = new LRUCache({
      max: options.maxEntries ?? 1000,
      ttl: options.ttlMs,
      allowStale: true,
      // lru-cache coalesces concurrent fetches of one key into one call of fetchMethod
      fetchMethod: async (_key, _stale, { context }) => ({
        value: await context(),
      }),
    });
  }

  async get<T>(key: string, read: () => Promise<T>): Promise<T> {
    const entry = await this.cache.fetch(key, { context: read });
    return entry!.value as T;
  }

  /** Forgets a key after a mutation so the next view reads the new state. */
  invalidate(prefix: string): void {
    for (const key of this.cache.keys()) {
      if (key.startsWith(prefix)) {
        this.cache.delete(key);
      }
    }
  }
}
