import { toVmServiceVm, virtualMachineManifest } from './virtualMachines';

describe('toVmServiceVm', () => {
  it('maps a v1alpha5 VM with status from VM Operator', () => {
    expect(
      toVmServiceVm({
        apiVersion: 'vmoperator.vmware.com/v1alpha5',
        kind: 'VirtualMachine',
        metadata: {
          name: 'web-01',
          namespace: 'demo',
          labels: { app: 'web' },
          creationTimestamp: '2026-01-01T00:00:00Z',
        },
        spec: {
          className: 'best-effort-small',
          image: { kind: 'ClusterVirtualMachineImage', name: 'ubuntu-2204' },
          storageClass: 'k8s-gold',
          powerState: 'PoweredOn',
        },
        status: {
          powerState: 'PoweredOn',
          uniqueID: 'vm-1042',
          nodeName: 'esx-01',
          network: { primaryIP4: '10.244.0.12' },
          conditions: [{ type: 'VirtualMachineCreated', status: 'True' }],
        },
      }),
    ).toEqual({
      name: 'web-01',
      namespace: 'demo',
      className: 'best-effort-small',
      imageName: 'ubuntu-2204',
      storageClass: 'k8s-gold',
      desiredPowerState: 'PoweredOn',
      powerState: 'PoweredOn',
      primaryIP4: '10.244.0.12',
      uniqueID: 'vm-1042',
      conditions: [{ type: 'VirtualMachineCreated', status: 'True' }],
      labels: { app: 'web' },
      createdAt: '2026-01-01T00:00:00Z',
    });
  });

  it('leaves out what a new VM does not report yet', () => {
    expect(
      toVmServiceVm({
        metadata: { name: 'new', namespace: 'demo' },
        spec: { className: 'c', imageName: 'i' },
      }),
    ).toEqual({
      name: 'new',
      namespace: 'demo',
      className: 'c',
      imageName: 'i',
      conditions: [],
      labels: {},
    });
  });

  it('marks a VM that is being deleted', () => {
    expect(
      toVmServiceVm({
        metadata: {
          name: 'old',
          namespace: 'demo',
          deletionTimestamp: '2026-11-28T10:00:00Z',
        },
      }).deletingSince,
    ).toBe('2026-11-28T10:00:00Z');
  });
});

describe('virtualMachineManifest', () => {
  const spec = {
    name: 'vm1',
    namespace: 'demo',
    className: 'best-effort-small',
    imageName: 'ubuntu-2204',
    imageKind: 'ClusterVirtualMachineImage' as const,
    powerState: 'PoweredOn' as const,
    labels: { app: 'x' },
  };

  it('writes spec.image as well from v1alpha3 on', () => {
    expect(virtualMachineManifest(spec, 'v1alpha5')).toEqual({
      apiVersion: 'vmoperator.vmware.com/v1alpha5',
      kind: 'VirtualMachine',
      metadata: { name: 'vm1', namespace: 'demo', labels: { app: 'x' } },
      spec: {
        className: 'best-effort-small',
        imageName: 'ubuntu-2204',
        image: { kind: 'ClusterVirtualMachineImage', name: 'ubuntu-2204' },
        powerState: 'PoweredOn',
      },
    });
  });

  it('writes only imageName in v1alpha2, which has no spec.image', () => {
    expect(virtualMachineManifest(spec, 'v1alpha2').spec).not.toHaveProperty(
      'image',
    );
  });
});
