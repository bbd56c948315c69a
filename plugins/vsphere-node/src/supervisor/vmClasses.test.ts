import { toVmServiceVmClass } from './vmClasses';

describe('toVmServiceVmClass', () => {
  const vmClass = (apiVersion: string) => ({
    apiVersion,
    kind: 'VirtualMachineClass',
    metadata: { name: 'best-effort-small', namespace: 'demo' },
    spec: {
      description: '2 vCPUs, 4 GiB',
      hardware: { cpus: 2, memory: '4Gi' },
      policies: { resources: { requests: { cpu: '500m' } } },
    },
  });

  it('reads a v1alpha6 class as a v1alpha5 one (v1alpha6 changes no class field)', () => {
    const expected = {
      name: 'best-effort-small',
      namespace: 'demo',
      description: '2 vCPUs, 4 GiB',
      cpus: 2,
      memory: '4Gi',
    };
    expect(
      toVmServiceVmClass(vmClass('vmoperator.vmware.com/v1alpha6')),
    ).toEqual(expected);
    expect(
      toVmServiceVmClass(vmClass('vmoperator.vmware.com/v1alpha5')),
    ).toEqual(expected);
  });

  it('reads memory given as a bare number of bytes', () => {
    const cls = vmClass('vmoperator.vmware.com/v1alpha6');
    cls.spec.hardware.memory = 4294967296 as unknown as string;
    expect(toVmServiceVmClass(cls).memory).toBe('4294967296');
  });
});
