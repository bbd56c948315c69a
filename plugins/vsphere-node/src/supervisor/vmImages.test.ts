import { toVmServiceImage } from './vmImages';

describe('toVmServiceImage', () => {
  it('reads a v1alpha6 cluster image: kind, readiness, OS and product version', () => {
    expect(
      toVmServiceImage({
        apiVersion: 'vmoperator.vmware.com/v1alpha6',
        kind: 'ClusterVirtualMachineImage',
        metadata: { name: 'vmi-0a1b2c3d' },
        status: {
          name: 'ubuntu-2204-kube-v1.33',
          osInfo: { type: 'ubuntu64Guest', version: '22.04' },
          productInfo: { fullVersion: 'v1.33.3+vmware.1-fips' },
          conditions: [{ type: 'Ready', status: 'True' }],
        },
      }),
    ).toEqual({
      name: 'vmi-0a1b2c3d',
      kind: 'ClusterVirtualMachineImage',
      ready: true,
      displayName: 'ubuntu-2204-kube-v1.33',
      osType: 'ubuntu64Guest',
      osVersion: '22.04',
      productVersion: 'v1.33.3+vmware.1-fips',
    });
  });

  it('reads a v1alpha6 namespace image with its namespace, not ready until it says so', () => {
    expect(
      toVmServiceImage({
        apiVersion: 'vmoperator.vmware.com/v1alpha6',
        kind: 'VirtualMachineImage',
        metadata: { name: 'vmi-1', namespace: 'demo' },
        status: {
          productInfo: { version: '1.32' },
          conditions: [{ type: 'Ready', status: 'False' }],
        },
      }),
    ).toEqual({
      name: 'vmi-1',
      kind: 'VirtualMachineImage',
      namespace: 'demo',
      ready: false,
      productVersion: '1.32',
    });
  });
});
