import {
  supportsVmSize,
  toVmServiceVm,
  virtualMachineManifest,
} from './virtualMachines';

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

  it('reads the per-VM size a v1alpha6 VM sets apart from its class', () => {
    const vm = toVmServiceVm({
      apiVersion: 'vmoperator.vmware.com/v1alpha6',
      kind: 'VirtualMachine',
      metadata: { name: 'big-01', namespace: 'demo' },
      spec: {
        className: 'best-effort-small',
        imageName: 'ubuntu-2204',
        resources: {
          size: { cpu: '4', memory: '12Gi' },
          requests: { cpu: 2000, memory: '4Gi' },
        },
      },
      status: { powerState: 'PoweredOn', zone: 'zone-a' },
    });
    expect(vm).toMatchObject({
      className: 'best-effort-small',
      size: { cpus: 4, memory: '12Gi' },
      zone: 'zone-a',
    });
  });

  it('reads an integer CPU and a memory-only size, and no size when none is set', () => {
    const base = {
      apiVersion: 'vmoperator.vmware.com/v1alpha6',
      kind: 'VirtualMachine',
      metadata: { name: 'a', namespace: 'demo' },
    };
    expect(
      toVmServiceVm({ ...base, spec: { resources: { size: { cpu: 8 } } } })
        .size,
    ).toEqual({ cpus: 8 });
    expect(
      toVmServiceVm({
        ...base,
        spec: { resources: { size: { memory: 6442450944 } } },
      }).size,
    ).toEqual({ memory: '6442450944' });
    // requests/limits are reservations, not the guest's size.
    expect(
      toVmServiceVm({
        ...base,
        spec: { resources: { limits: { cpu: 4000 } } },
      }),
    ).not.toHaveProperty('size');
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

  it('writes a v1alpha6 VM with the per-VM size in spec.resources.size', () => {
    expect(
      virtualMachineManifest(
        { ...spec, size: { cpus: 4, memory: '12Gi' } },
        'v1alpha6',
      ),
    ).toEqual({
      apiVersion: 'vmoperator.vmware.com/v1alpha6',
      kind: 'VirtualMachine',
      metadata: { name: 'vm1', namespace: 'demo', labels: { app: 'x' } },
      spec: {
        className: 'best-effort-small',
        imageName: 'ubuntu-2204',
        image: { kind: 'ClusterVirtualMachineImage', name: 'ubuntu-2204' },
        powerState: 'PoweredOn',
        resources: { size: { cpu: 4, memory: '12Gi' } },
      },
    });
  });

  it('writes only the part of the size that is given', () => {
    expect(
      virtualMachineManifest({ ...spec, size: { memory: '6Gi' } }, 'v1alpha6')
        .spec,
    ).toMatchObject({ resources: { size: { memory: '6Gi' } } });
    expect(
      virtualMachineManifest({ ...spec, size: {} }, 'v1alpha6').spec,
    ).not.toHaveProperty('resources');
  });

  it('refuses a per-VM size on a Supervisor older than v1alpha6, naming the field and the version', () => {
    expect(() =>
      virtualMachineManifest({ ...spec, size: { cpus: 4 } }, 'v1alpha5'),
    ).toThrow(
      'size: a VM sized apart from its class (spec.resources.size) needs VM Operator v1alpha6 or later; this Supervisor serves v1alpha5',
    );
  });
});

describe('supportsVmSize', () => {
  it('is true from v1alpha6 on', () => {
    expect(
      ['v1alpha2', 'v1alpha5', 'v1alpha6', 'v1alpha7'].map(supportsVmSize),
    ).toEqual([false, false, true, true]);
  });
});
