import { randomUUID } from 'node:crypto';
import { CacheService } from '@backstage/backend-plugin-api';

interface Entry {
  value: unknown;
  readAt: number;
}

/** How long a generation marker lives: far longer than any entry, so a live entry never outlives it. */
const GENERATION_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Keeps upstream reads for a short time in Backstage's cache service (Valkey/Redis in
 * production, so every replica sees the same entries) and lets concurrent readers of the same
 * key share one request, so upstream load does not grow with the number of people viewing
 * pages. An expired entry is still served while one background read refreshes it, so warm
 * views never wait on upstream.
 *
 * Invalidation bumps a scope's generation in the same cache: the keys of the scope's entries
 * include it, so after a change every replica's next read goes upstream.
 */
export class CoalescingCache {
  // in-flight reads are promises of this process: replicas each coalesce their own readers
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly staleMs: number;

  constructor(
    private readonly cache: CacheService,
    private readonly options: { ttlMs: number },
  ) {
    // an expired entry is served (and refreshed) for a while longer, then dropped
    this.staleMs = Math.max(options.ttlMs * 10, 60_000);
  }

  async get<T>(
    key: string,
    read: () => Promise<T>,
    options?: { scope?: string },
  ): Promise<T> {
    const fullKey = `${await this.generation(options?.scope)}:${key}`;
    const entry = await this.cacheGet<Entry>(fullKey);
    if (entry) {
      if (Date.now() - entry.readAt > this.options.ttlMs) {
        // a failed background refresh keeps the stale entry; the next view tries again
        this.refresh(fullKey, read).catch(() => undefined);
      }
      return entry.value as T;
    }
    return this.refresh(fullKey, read);
  }

  /** Forgets a scope's entries on every replica after a mutation, so the next view reads the new state. */
  async invalidate(scope: string): Promise<void> {
    await this.cache
      .set(this.generationKey(scope), randomUUID(), { ttl: GENERATION_TTL_MS })
      // the change itself succeeded; an unreachable cache only shows it after the TTL
      .catch(() => undefined);
  }

  private refresh<T>(fullKey: string, read: () => Promise<T>): Promise<T> {
    let pending = this.inflight.get(fullKey) as Promise<T> | undefined;
    if (!pending) {
      pending = (async () => {
        const value = await read();
        const entry: Entry = { value, readAt: Date.now() };
        await this.cache
          .set(fullKey, entry as never, { ttl: this.staleMs })
          // an unreachable cache costs upstream reads, not the page
          .catch(() => undefined);
        return value;
      })().finally(() => this.inflight.delete(fullKey));
      this.inflight.set(fullKey, pending);
    }
    return pending;
  }

  private async generation(scope: string | undefined): Promise<string> {
    if (!scope) {
      return 'g0';
    }
    return (await this.cacheGet<string>(this.generationKey(scope))) ?? 'g0';
  }

  private generationKey(scope: string) {
    return `generation:${scope}`;
  }

  private async cacheGet<T>(key: string): Promise<T | undefined> {
    try {
      return (await this.cache.get(key)) as T | undefined;
    } catch {
      return undefined;
    }
  }
}
