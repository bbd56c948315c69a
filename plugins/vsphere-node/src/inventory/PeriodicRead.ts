import { isDeepStrictEqual } from 'node:util';

/**
 * A REST read that has no watch: read on first use, then again every interval while someone
 * used it within `idleMs`, and at once on {@link PeriodicRead.refresh} (after our own changes).
 * A failed read keeps the last value; `onChange` fires only when the value really changed.
 */
export class PeriodicRead<T> {
  private value?: T;
  private error?: Error;
  private readAt?: number;
  private lastUsed = Date.now();
  private inFlight?: Promise<void>;
  private waitUntil?: number;
  private failedAt?: number;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly options: {
      intervalMs: number;
      idleMs: number;
      onChange?: (value: T) => void;
    },
  ) {}

  /**
   * The value, waiting at most `deadlineMs` for the first read; the read's error if it failed
   * with no value. Callers share one deadline: a later caller waits only what is left of it, and
   * once a read failed, callers get that failure at once while the read is tried again.
   */
  async get(deadlineMs: number): Promise<T> {
    this.lastUsed = Date.now();
    if (this.readAt === undefined && this.error) {
      // at most one retry per deadline, however many pages ask meanwhile
      if (Date.now() - (this.failedAt ?? 0) >= deadlineMs) {
        this.refresh();
      }
    } else if (this.readAt === undefined) {
      this.waitUntil ??= Date.now() + deadlineMs;
      const left = this.waitUntil - Date.now();
      const read = this.refresh();
      if (left > 0) {
        await Promise.race([
          read,
          new Promise(resolve => setTimeout(resolve, left).unref()),
        ]);
      }
    }
    if (this.readAt !== undefined) {
      return this.value as T;
    }
    throw this.error ?? new Error('no answer within the deadline');
  }

  /** The last read's failure, while the last good value is still served. */
  lastError(): Error | undefined {
    return this.error;
  }

  /** Reads now (joining a read already under way). */
  refresh(): Promise<void> {
    if (!this.inFlight) {
      this.inFlight = this.readOnce().finally(() => {
        this.inFlight = undefined;
      });
    }
    return this.inFlight;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async readOnce() {
    try {
      const value = await this.read();
      const changed =
        this.readAt !== undefined && !isDeepStrictEqual(value, this.value);
      this.value = value;
      this.error = undefined;
      this.readAt = Date.now();
      if (changed) {
        this.options.onChange?.(value);
      }
    } catch (error) {
      this.error = error as Error;
      this.failedAt = Date.now();
    } finally {
      this.waitUntil = undefined;
      this.schedule();
    }
  }

  private schedule() {
    clearTimeout(this.timer);
    if (this.stopped || Date.now() - this.lastUsed > this.options.idleMs) {
      // nobody looked for a while: stop reading until the next use, which waits for a fresh read
      this.readAt = undefined;
      this.error = undefined;
      return;
    }
    this.timer = setTimeout(() => this.refresh(), this.options.intervalMs);
    this.timer.unref();
  }
}
