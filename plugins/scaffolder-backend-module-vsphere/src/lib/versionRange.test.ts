import { WorkloadCluster } from '@backstage-vsphere/plugin-vsphere-common';
import { NamespaceOptions } from './namespaceOptions';
import { InputProblems } from './problems';
import { checkNodePoolVersion, checkVersionInClassRange } from './versionRange';

/** The parts of a namespace the checks read: its ClusterClasses and its images. */
function namespaceWith(labels?: Record<string, string>): NamespaceOptions {
  return {
    namespaceName: 'demo',
    clusterClasses: async () => [
      {
        apiVersion: 'cluster.x-k8s.io/v1beta2',
        kind: 'ClusterClass',
        metadata: { name: 'builtin-generic-v3.7.0', labels },
      },
    ],
    images: async () => [
      {
        name: 'a',
        kind: 'ClusterVirtualMachineImage',
        ready: true,
        productVersion: 'v1.35.2+vmware.1-vkr.1',
      },
      {
        name: 'b',
        kind: 'ClusterVirtualMachineImage',
        ready: true,
        productVersion: 'v1.32.7+vmware.1-vkr.2',
      },
    ],
  } as unknown as NamespaceOptions;
}

const RANGE = {
  'kubernetes.vmware.com/min-version-supported': 'v1.33',
  'kubernetes.vmware.com/max-version-supported': 'v1.36',
};

describe('checkVersionInClassRange', () => {
  it('accepts a version in range, and any version for a class without labels or not found', async () => {
    await expect(
      checkVersionInClassRange(
        namespaceWith(RANGE),
        'builtin-generic-v3.7.0',
        'v1.35.2+vmware.1',
      ),
    ).resolves.toBeUndefined();
    await expect(
      checkVersionInClassRange(
        namespaceWith(),
        'builtin-generic-v3.7.0',
        'v1.20.0',
      ),
    ).resolves.toBeUndefined();
    await expect(
      checkVersionInClassRange(namespaceWith(RANGE), 'other', 'v1.20.0'),
    ).resolves.toBeUndefined();
  });

  it('names the field, the rule, the range and the versions that are valid', async () => {
    await expect(
      checkVersionInClassRange(
        namespaceWith(RANGE),
        'builtin-generic-v3.7.0',
        'v1.32.7+vmware.1',
      ),
    ).rejects.toThrow(
      "version: Kubernetes v1.32.7+vmware.1 is outside the versions ClusterClass 'builtin-generic-v3.7.0' supports v1.33 to v1.36 (labels kubernetes.vmware.com/min-version-supported and kubernetes.vmware.com/max-version-supported); valid: v1.35.2+vmware.1",
    );
  });
});

describe('checkNodePoolVersion', () => {
  const cluster = (version: string): WorkloadCluster =>
    ({
      kind: 'Cluster',
      name: 'payments',
      namespace: 'demo',
      clusterClass: 'builtin-generic-v3.7.0',
      version,
      nodePools: [],
    } as unknown as WorkloadCluster);

  it('records a problem naming the cluster when it runs a version its class does not support', async () => {
    const problems = new InputProblems();
    await checkNodePoolVersion(
      namespaceWith(RANGE),
      cluster('v1.32.7+vmware.1'),
      problems,
    );
    expect(() => problems.throwIfAny()).toThrow(
      "cluster: 'payments' runs Kubernetes v1.32.7+vmware.1, outside the versions ClusterClass 'builtin-generic-v3.7.0' supports v1.33 to v1.36",
    );
  });

  it('records nothing for a supported version or a TanzuKubernetesCluster', async () => {
    const problems = new InputProblems();
    await checkNodePoolVersion(
      namespaceWith(RANGE),
      cluster('v1.35.2+vmware.1'),
      problems,
    );
    await checkNodePoolVersion(
      namespaceWith(RANGE),
      { ...cluster('v1.20.0'), kind: 'TanzuKubernetesCluster' },
      problems,
    );
    expect(() => problems.throwIfAny()).not.toThrow();
  });
});
