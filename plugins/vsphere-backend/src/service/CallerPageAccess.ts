import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { LRUCache } from 'lru-cache';
import { callerOf } from './callerOf';

/** A user by entity ref, a service by subject; anything else is never remembered. */
function callerKeyOf(credentials: BackstageCredentials): string | undefined {
  const { type, name } = callerOf(credentials);
  return (type === 'user' || type === 'service') && name
    ? `${type}:${name}`
    : undefined;
}

/**
 * What a caller's repeated views of a page resolve to (the entity as the caller sees it, the read
 * decision, the buttons) reused for a few seconds per caller, so a page viewed over and over asks
 * the catalog and the permission backend once per few seconds, not once per view. Only reads use
 * it: changes are authorized afresh. A failure or denial is never remembered.
 */
export class CallerPageAccess {
  private readonly entries?: LRUCache<string, { value: Promise<unknown> }>;

  constructor(options: { ttlMs: number; maxEntries?: number }) {
    if (options.ttlMs > 0) {
      this.entries = new LRUCache({
        max: options.maxEntries ?? 10_000,
        ttl: options.ttlMs,
      });
    }
  }

  /** `compute()`'s answer for this caller and key, shared by concurrent and repeated asks. */
  remember<T>(
    credentials: BackstageCredentials,
    key: string,
    compute: () => Promise<T>,
  ): Promise<T> {
    const caller = callerKeyOf(credentials);
    if (!this.entries || !caller) return compute();
    const entryKey = `${caller}\u0000${key}`;
    const known = this.entries.get(entryKey);
    if (known) return known.value as Promise<T>;
    const value = compute();
    const entry = { value };
    this.entries.set(entryKey, entry);
    value.catch(() => {
      // only this attempt is dropped: a newer one may have replaced it meanwhile
      if (this.entries?.peek(entryKey) === entry) this.entries.delete(entryKey);
    });
    return value;
  }
}
