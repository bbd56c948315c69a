import { ServiceUnavailableError } from '@backstage/errors';
import { isRejectedLogin } from './errors';

const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 10 * 60_000;

/**
 * Remembers that vCenter rejected the portal's login, and refuses further logins to it until a
 * wait that starts at 30 s and doubles up to 10 min, so views and catalog runs cannot lock the
 * SSO account by retrying a wrong password. Shared by a vCenter's REST and SOAP sessions.
 */
export class LoginBackoff {
  private rejection?: { error: Error; until: number; waitMs: number };

  constructor(
    private readonly now: () => number = Date.now,
    private readonly onRejected?: (error: Error, waitMs: number) => void,
  ) {}

  /** Logs in through `login` unless a recent rejection says to wait; remembers the outcome. */
  async login<T>(login: () => Promise<T>): Promise<T> {
    const rejection = this.rejection;
    if (rejection && this.now() < rejection.until) {
      const seconds = Math.ceil((rejection.until - this.now()) / 1000);
      throw new ServiceUnavailableError(
        `${rejection.error.message}; the next login is tried in ${seconds} s`,
      );
    }
    try {
      const session = await login();
      this.rejection = undefined;
      return session;
    } catch (error) {
      if (isRejectedLogin(error)) {
        const waitMs = rejection
          ? Math.min(rejection.waitMs * 2, MAX_WAIT_MS)
          : FIRST_WAIT_MS;
        this.rejection = {
          error: error as Error,
          until: this.now() + waitMs,
          waitMs,
        };
        this.onRejected?.(error as Error, waitMs);
      }
      throw error;
    }
  }
}
