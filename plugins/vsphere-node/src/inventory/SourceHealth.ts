import { SourceStatus } from '@backstage-vsphere/plugin-vsphere-common';

/**
 * The health of one upstream feed. Deliveries and keep-alives call {@link SourceHealth.synced};
 * {@link SourceHealth.status} turns a feed that went silent past its deadline into `stale`, so a
 * hung upstream is reported within the deadline without anyone having to notice it first.
 * @public
 */
export class SourceHealth {
  private lastSyncedAt?: number;
  private failure?: string;
  private failureName?: string;

  constructor(
    readonly source: string,
    readonly deadlineMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** An update, a full read or a keep-alive arrived. */
  synced(): void {
    this.lastSyncedAt = this.now();
    this.failure = undefined;
    this.failureName = undefined;
  }

  /** The feed failed; `reason` is shown to users, so it must hold no secret. */
  failed(reason: string, errorName?: string): void {
    this.failure = reason;
    this.failureName = errorName;
  }

  status(): SourceStatus {
    const lastSyncedAt =
      this.lastSyncedAt === undefined
        ? undefined
        : new Date(this.lastSyncedAt).toISOString();
    if (this.lastSyncedAt === undefined) {
      if (!this.failure) {
        return { source: this.source, state: 'syncing' };
      }
      const failed: SourceStatus = {
        source: this.source,
        state: 'failed',
        reason: this.failure,
      };
      if (this.failureName) failed.errorName = this.failureName;
      return failed;
    }
    const silentMs = this.now() - this.lastSyncedAt;
    if (this.failure) {
      return {
        source: this.source,
        state: 'stale',
        lastSyncedAt,
        reason: this.failure,
      };
    }
    if (silentMs > this.deadlineMs) {
      return {
        source: this.source,
        state: 'stale',
        lastSyncedAt,
        reason: `no update or keep-alive for ${Math.round(
          silentMs / 1000,
        )} s (deadline ${Math.round(this.deadlineMs / 1000)} s)`,
      };
    }
    return { source: this.source, state: 'live', lastSyncedAt };
  }
}
