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
