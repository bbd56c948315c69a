import {
  VCenterVm,
  VmServiceVm,
  WorkloadCluster,
} from '@backstage-vsphere/plugin-vsphere-common';
import { joinClusterMachines, joinVmServiceVms, providerUuid } from './joins';

const vcenterVm = (moref: string, biosUuid?: string): VCenterVm => ({
  moref,
  name: moref,
  powerState: 'poweredOn',
  datastores: ['datastore-1'],
  hostName: 'esx-01',
  biosUuid,
});

const serviceVm = (name: string, uniqueID?: string): VmServiceVm => ({
  name,
  namespace: 'demo',
  uniqueID,
  conditions: [],
  labels: {},
});

describe('joinVmServiceVms', () => {
  it('attaches the vCenter VM whose moref is the uniqueID, and leaves the rest alone', () => {
    const joined = joinVmServiceVms(
      [
        serviceVm('web', 'vm-42'),
        serviceVm('pending'),
        serviceVm('gone', 'vm-99'),
      ],
      [vcenterVm('vm-41'), vcenterVm('vm-42')],
    );
    expect(joined.map(vm => vm.vcenterVm?.moref)).toEqual([
      'vm-42',
      undefined,
      undefined,
    ]);
    expect(joined[0].vcenterVm?.hostName).toBe('esx-01');
  });
});

describe('providerUuid', () => {
  it('reads the UUID of a vSphere providerID', () => {
    expect(providerUuid('vsphere://4210ABCD-0000-1111')).toBe(
      '4210abcd-0000-1111',
    );
    expect(providerUuid('aws:///us-east-1a/i-1')).toBeUndefined();
    expect(providerUuid(undefined)).toBeUndefined();
  });
});

describe('joinClusterMachines', () => {
  const cluster: WorkloadCluster = {
    name: 'c1',
    namespace: 'demo',
    kind: 'Cluster',
    conditions: [],
    nodePools: [
      {
        name: 'np',
        desiredReplicas: 3,
        readyReplicas: 3,
        conditions: [],
        machines: [
          { name: 'c1-np-a', providerID: 'vsphere://4210AAAA' },
          { name: 'c1-np-b' },
          { name: 'c1-np-c' },
        ],
      },
    ],
  };

  it('joins by providerID UUID, else through the same-named VM Service VM', () => {
    const [joined] = joinClusterMachines(
      [cluster],
      [vcenterVm('vm-1', '4210aaaa'), vcenterVm('vm-2', '4210bbbb')],
      [serviceVm('c1-np-b', 'vm-2'), serviceVm('c1-np-c')],
    );
    expect(joined.nodePools[0].machines.map(m => m.vcenterVm?.moref)).toEqual([
      'vm-1',
      'vm-2',
      undefined,
    ]);
    // The input is not changed.
    expect(cluster.nodePools[0].machines[0].vcenterVm).toBeUndefined();
  });

  it("joins the control plane's machines to their VMs too", () => {
    const [joined] = joinClusterMachines(
      [
        {
          ...cluster,
          controlPlaneMachines: [
            { name: 'c1-cp-a', providerID: 'vsphere://4210cccc' },
          ],
        },
      ],
      [vcenterVm('vm-3', '4210cccc')],
    );
    expect(joined.controlPlaneMachines?.[0].vcenterVm?.moref).toBe('vm-3');
    // a cluster without known control-plane machines gets no empty list
    expect(
      joinClusterMachines([cluster], [])[0].controlPlaneMachines,
    ).toBeUndefined();
  });
});
