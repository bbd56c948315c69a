import { ServiceUnavailableError } from '@backstage/errors';
import { abortError } from './errors';

/** How to open and close one kind of vCenter session. */
export interface SessionLifecycle<T> {
  login(): Promise<T>;
  logout(session: T): Promise<void>;
}

function waitFor<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) {
    return promise;
  }
  if (signal.aborted) {
    return Promise.reject(abortError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      value => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      error => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Holds at most one session, shared by all callers: concurrent callers of a cold holder wait
 * for a single login, and a rejected session is replaced once however many callers saw it fail.
 */
export class SessionHolder<T> {
  private current?: T;
  private pending?: Promise<T>;
  private closing?: Promise<void>;

  constructor(
    private readonly lifecycle: SessionLifecycle<T>,
    private readonly clientName: string,
  ) {}

  /** The live session, logging in first when there is none. */
  get(signal?: AbortSignal): Promise<T> {
    if (this.closing) {
      return Promise.reject(
        new ServiceUnavailableError(
          `The client of vCenter '${this.clientName}' is closed`,
        ),
      );
    }
    if (this.current !== undefined) {
      return Promise.resolve(this.current);
    }
    if (!this.pending) {
      // The shared login ignores any one caller's signal; each caller can still stop waiting.
      this.pending = this.lifecycle.login().then(
        session => {
          this.pending = undefined;
          this.current = session;
          return session;
        },
        error => {
          this.pending = undefined;
          throw error;
        },
      );
    }
    return waitFor(this.pending, signal);
  }

  /** Forgets a session the server no longer accepts, unless another caller already replaced it. */
  invalidate(session: T): void {
    if (this.current === session) {
      this.current = undefined;
    }
  }

  /** Logs out (once, however often called) and refuses new logins afterwards. */
  close(): Promise<void> {
    if (!this.closing) {
      this.closing = this.logoutCurrent();
    }
    return this.closing;
  }

  private async logoutCurrent(): Promise<void> {
    if (this.pending) {
      await this.pending.catch(() => undefined);
    }
    const session = this.current;
    this.current = undefined;
    if (session !== undefined) {
      await this.lifecycle.logout(session);
    }
  }
}
