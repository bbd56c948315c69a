import { overviewFixture, clusterFixture, vmFixture } from '../__testUtils__';
import { isConverging } from './isConverging';

describe('isConverging', () => {
  it('is false when every pool is ready and every VM is in its asked state', () => {
    expect(isConverging(overviewFixture())).toBe(false);
  });

  it('is true while a node pool has fewer ready replicas than desired', () => {
    const cluster = clusterFixture();
    cluster.nodePools[0].desiredReplicas = 3;
    expect(isConverging(overviewFixture({ clusters: [cluster] }))).toBe(true);
  });

  it('is true while a VM has not reached its asked power state', () => {
    const vm = vmFixture({
      desiredPowerState: 'PoweredOn',
      powerState: 'PoweredOff',
    });
    expect(isConverging(overviewFixture({ vms: [vm] }))).toBe(true);
  });
});
