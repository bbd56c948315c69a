import { NodePool } from '@backstage-vsphere/plugin-vsphere-common';
import { poolDifferences } from './nodePoolSpec';

const pool: NodePool = {
  name: 'workers',
  desiredReplicas: 2,
  readyReplicas: 2,
  vmClass: 'small',
  storageClass: 'gold',
  conditions: [],
  machines: [],
};

describe('poolDifferences', () => {
  it('matches a pool asked for with the same replicas and classes', () => {
    expect(
      poolDifferences(pool, { name: 'workers', replicas: 2, vmClass: 'small' }),
    ).toEqual([]);
  });

  it('uses the cluster classes for what the pool does not set', () => {
    expect(
      poolDifferences(
        pool,
        { name: 'workers', replicas: 3 },
        { vmClass: 'large', storageClass: 'gold' },
      ),
    ).toEqual(['replicas', 'vmClass']);
    expect(
      poolDifferences(pool, {
        name: 'workers',
        replicas: 2,
        storageClass: 'silver',
      }),
    ).toEqual(['storageClass']);
  });
});
