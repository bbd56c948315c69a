import { VmServiceVm } from '@backstage-vsphere/plugin-vsphere-common';
import { isVmReady, vmDifferences } from './vmState';

const vm: VmServiceVm = {
  name: 'web-1',
  namespace: 'demo',
  className: 'small',
  imageName: 'ubuntu',
  storageClass: 'gold',
  desiredPowerState: 'PoweredOn',
  powerState: 'PoweredOn',
  primaryIP4: '10.0.0.5',
  uniqueID: 'vm-42',
  conditions: [],
  labels: {},
};

describe('VM state', () => {
  it('is ready when powered as asked with an id, and with an IP when on', () => {
    expect(isVmReady(vm, 'PoweredOn')).toBe(true);
    expect(isVmReady({ ...vm, primaryIP4: undefined }, 'PoweredOn')).toBe(
      false,
    );
    expect(isVmReady({ ...vm, uniqueID: undefined }, 'PoweredOn')).toBe(false);
    expect(
      isVmReady(
        { ...vm, powerState: 'PoweredOff', primaryIP4: undefined },
        'PoweredOff',
      ),
    ).toBe(true);
  });

  it('names the fields an existing VM differs in', () => {
    const spec = {
      name: 'web-1',
      namespace: 'demo',
      className: 'small',
      imageName: 'ubuntu',
      powerState: 'PoweredOn' as const,
    };
    expect(vmDifferences(vm, spec)).toEqual([]);
    expect(
      vmDifferences(vm, {
        ...spec,
        className: 'large',
        storageClass: 'silver',
        powerState: 'PoweredOff',
      }),
    ).toEqual(['className', 'storageClass', 'powerState']);
  });

  it('names size when the VM is sized apart from its class differently than asked', () => {
    const spec = {
      name: 'web-1',
      namespace: 'demo',
      className: 'small',
      imageName: 'ubuntu',
      powerState: 'PoweredOn' as const,
      size: { cpus: 4, memory: '12Gi' },
    };
    expect(
      vmDifferences({ ...vm, size: { cpus: 4, memory: '12Gi' } }, spec),
    ).toEqual([]);
    expect(
      vmDifferences({ ...vm, size: { cpus: 2, memory: '12Gi' } }, spec),
    ).toEqual(['size']);
    expect(vmDifferences(vm, spec)).toEqual(['size']);
    expect(
      vmDifferences({ ...vm, size: { cpus: 4 } }, { ...spec, size: undefined }),
    ).toEqual(['size']);
  });
});
