import { vmFixture } from '../__testUtils__';
import { toVmRow } from './toVmRow';

describe('toVmRow', () => {
  it('takes IP from the VM Service and placement from vCenter', () => {
    expect(toVmRow(vmFixture())).toMatchObject({
      name: 'web-1',
      powerState: 'PoweredOn',
      ip: '10.0.0.11',
      host: 'esx-01.lab',
      datastore: 'vsanDatastore',
    });
  });

  it('says when a VM is sized apart from its class (VM Operator v1alpha6)', () => {
    expect(
      toVmRow(vmFixture({ size: { cpus: 4, memory: '6Gi' } })).className,
    ).toBe(`${vmFixture().className}, resized to 4 vCPU, 6Gi`);
    expect(toVmRow(vmFixture({ size: { memory: '12Gi' } })).className).toBe(
      `${vmFixture().className}, resized to 12Gi`,
    );
    expect(toVmRow(vmFixture()).className).toBe(vmFixture().className);
  });

  it('falls back to vCenter ids and state when names are missing', () => {
    const vm = vmFixture({ powerState: undefined, primaryIP4: undefined });
    vm.vcenterVm = {
      moref: 'vm-42',
      name: 'web-1',
      powerState: 'poweredOff',
      ipAddress: '10.0.0.99',
      host: 'host-7',
      datastores: ['datastore-3', 'datastore-4'],
    };
    expect(toVmRow(vm)).toMatchObject({
      powerState: 'poweredOff',
      ip: '10.0.0.99',
      host: 'host-7',
      datastore: 'datastore-3, datastore-4',
    });
  });
});
