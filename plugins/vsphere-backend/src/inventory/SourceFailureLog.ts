import { LoggerService } from '@backstage/backend-plugin-api';
import { SourceError } from '@backstage-vsphere/plugin-vsphere-common';

const QUIET_MS = 60_000;

/**
 * One log line per failing source per minute, however many views see it fail: the operator
 * learns which vCenter or Supervisor is down without a line per page view.
 */
export class SourceFailureLog {
  private readonly lastLogged = new Map<string, number>();

  constructor(
    private readonly logger: LoggerService,
    private readonly now: () => number = Date.now,
  ) {}

  report(error: SourceError): void {
    const last = this.lastLogged.get(error.source);
    if (last !== undefined && this.now() - last < QUIET_MS) {
      return;
    }
    this.lastLogged.set(error.source, this.now());
    this.logger.warn(
      `vSphere source ${error.source} failed: ${error.name}: ${error.message}`,
      { source: error.source },
    );
  }
}
