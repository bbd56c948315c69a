import { SourceHealth } from './SourceHealth';

describe('SourceHealth', () => {
  it('is syncing until the first delivery, then live', () => {
    let now = 1_000_000;
    const health = new SourceHealth('vcenter:vc', 10_000, () => now);
    expect(health.status()).toEqual({ source: 'vcenter:vc', state: 'syncing' });
    health.synced();
    now += 9_000;
    expect(health.status()).toMatchObject({
      state: 'live',
      lastSyncedAt: new Date(1_000_000).toISOString(),
    });
  });

  it('turns stale with the silence and the deadline once the deadline passes', () => {
    let now = 0;
    const health = new SourceHealth('vcenter:vc', 10_000, () => now);
    health.synced();
    now = 12_000;
    expect(health.status()).toMatchObject({
      state: 'stale',
      reason: 'no update or keep-alive for 12 s (deadline 10 s)',
    });
    health.synced();
    expect(health.status().state).toBe('live');
  });

  it('is failed when it never delivered and stale with the reason after it did', () => {
    const health = new SourceHealth('supervisor:vc/sv', 10_000);
    health.failed('connection refused');
    expect(health.status()).toEqual({
      source: 'supervisor:vc/sv',
      state: 'failed',
      reason: 'connection refused',
    });
    health.synced();
    health.failed('watch ended');
    expect(health.status()).toMatchObject({
      state: 'stale',
      reason: 'watch ended',
    });
  });
});
