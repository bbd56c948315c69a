import { WorkloadCluster } from '@backstage-vsphere/plugin-vsphere-common';
import { ClusterSpec } from '@backstage-vsphere/plugin-vsphere-node';
import {
  checkVersionFormat,
  clusterDifferences,
  releaseOf,
} from './clusterSpec';

const spec: ClusterSpec = {
  name: 'c1',
  namespace: 'demo',
  clusterClass: 'tanzukubernetescluster',
  version: 'v1.33.3+vmware.1-fips',
  controlPlaneReplicas: 1,
  vmClass: 'small',
  storageClass: 'gold',
  nodePools: [{ name: 'workers', replicas: 2 }],
};

const existing: WorkloadCluster = {
  name: 'c1',
  namespace: 'demo',
  kind: 'Cluster',
  clusterClass: 'tanzukubernetescluster',
  version: 'v1.33.3+vmware.1-fips',
  controlPlaneReplicas: 1,
  conditions: [],
  nodePools: [
    {
      name: 'workers',
      desiredReplicas: 2,
      readyReplicas: 2,
      vmClass: 'small',
      storageClass: 'gold',
      conditions: [],
      machines: [],
    },
  ],
};

describe('cluster spec rules', () => {
  it('reads the Kubernetes release of a version and names the rule otherwise', () => {
    expect(releaseOf('v1.33.3+vmware.1-fips')).toBe('v1.33.3');
    expect(releaseOf('v1.32.7+vmware.1-fips-vkr.2')).toBe('v1.32.7');
    expect(releaseOf('v1.30.0-rc.1')).toBe('v1.30.0');
    expect(releaseOf('1.33.3')).toBeUndefined();
    expect(() => checkVersionFormat('v1.33')).toThrow(
      "version: 'v1.33' is not a Kubernetes version; use v<major>.<minor>.<patch>, optionally with a suffix, e.g. 'v1.33.3+vmware.1-fips'",
    );
  });

  it('matches a cluster created as asked', () => {
    expect(clusterDifferences(existing, spec)).toEqual([]);
  });

  it('names every differing field, per pool', () => {
    expect(
      clusterDifferences(
        { ...existing, version: 'v1.32.7', controlPlaneReplicas: 3 },
        {
          ...spec,
          nodePools: [{ name: 'workers', replicas: 3, vmClass: 'large' }],
        },
      ),
    ).toEqual([
      'version',
      'controlPlaneReplicas',
      'nodePools[workers].replicas',
      'nodePools[workers].vmClass',
    ]);
    expect(
      clusterDifferences(existing, {
        ...spec,
        nodePools: [{ name: 'other', replicas: 2 }],
      }),
    ).toEqual(['nodePools']);
    expect(
      clusterDifferences({ ...existing, kind: 'TanzuKubernetesCluster' }, spec),
    ).toEqual(['kind']);
  });
});
