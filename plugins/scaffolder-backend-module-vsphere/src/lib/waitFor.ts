import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';

/** A still unchanged state is repeated in the log at this interval, so the task shows it is alive. */
const HEARTBEAT_MS = 30_000;

/** The error thrown when `ctx.signal` stops a wait. */
export class WaitCancelledError extends Error {
  name = 'AbortError';
}

/** Resolves after `ms`, or rejects as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new WaitCancelledError('cancelled'));
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(new WaitCancelledError('cancelled'));
    };
    timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * What one poll found: `done` ends the wait, `failed` ends it with that reason, `state` is the
 * progress line.
 */
export interface WaitObservation<T> {
  state: string;
  done: boolean;
  failed?: string;
  value: T;
}

/** Options of {@link waitFor}. */
export interface WaitOptions<T> {
  /** What is awaited, for the log and errors, e.g. `namespace 'team-a' to be RUNNING`. */
  what: string;
  observe: (signal?: AbortSignal) => Promise<WaitObservation<T>>;
  timeoutMs: number;
  intervalMs: number;
  logger: LoggerService;
  signal?: AbortSignal;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)}s`;
}

/**
 * Polls until the observation is done, logging each new state; fails on a terminal state or at
 * the timeout, and stops at once when the signal aborts. Read errors are logged and retried.
 */
export async function waitFor<T>(options: WaitOptions<T>): Promise<T> {
  const { what, observe, timeoutMs, intervalMs, logger, signal } = options;
  const start = Date.now();
  let lastState: string | undefined;
  let lastLogged = 0;
  logger.info(`Waiting up to ${seconds(timeoutMs)} for ${what}`);
  for (;;) {
    if (signal?.aborted) {
      throw new WaitCancelledError(`Cancelled while waiting for ${what}`);
    }
    const elapsed = Date.now() - start;
    let observation: WaitObservation<T> | undefined;
    try {
      observation = await observe(signal);
    } catch (error) {
      if (signal?.aborted) {
        throw new WaitCancelledError(`Cancelled while waiting for ${what}`);
      }
      // A read may fail while the object is being set up; only the timeout ends the wait.
      logger.warn(`Reading the state failed, retrying: ${String(error)}`);
    }
    if (observation?.failed) {
      throw new ServiceUnavailableError(
        `Gave up waiting for ${what}: ${observation.failed}`,
      );
    }
    if (observation?.done) {
      logger.info(`Done after ${seconds(elapsed)}: ${observation.state}`);
      return observation.value;
    }
    if (
      observation &&
      (observation.state !== lastState ||
        Date.now() - lastLogged >= HEARTBEAT_MS)
    ) {
      logger.info(
        `${observation.state} (${seconds(elapsed)} of ${seconds(timeoutMs)})`,
      );
      lastState = observation.state;
      lastLogged = Date.now();
    }
    if (Date.now() - start + intervalMs > timeoutMs) {
      throw new ServiceUnavailableError(
        `Timed out after ${seconds(
          timeoutMs,
        )} waiting for ${what}; last state: ${lastState ?? 'unknown'}`,
      );
    }
    try {
      await sleep(intervalMs, signal);
    } catch {
      throw new WaitCancelledError(`Cancelled while waiting for ${what}`);
    }
  }
}
