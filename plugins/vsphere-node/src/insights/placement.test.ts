import {
  VCenterVm,
  VmServiceVm,
  WorkloadCluster,
} from '@backstage-vsphere/plugin-vsphere-common';
import { clusterPlacements } from './placement';

function vcVm(moref: string, host: string, datastore: string): VCenterVm {
  return {
    moref,
    name: moref,
    powerState: 'poweredOn',
    host: `host-${host}`,
    hostName: host,
    datastores: [`ds-${datastore}`],
    datastoreNames: [datastore],
  };
}

function vm(
  name: string,
  labels: Record<string, string>,
  vcenterVm: VCenterVm,
  zone?: string,
): VmServiceVm {
  return { name, namespace: 'demo', labels, conditions: [], vcenterVm, zone };
}

const cp = (name: string, host: string, zone?: string) =>
  vm(
    name,
    {
      'capv.vmware.com/cluster.name': 'c1',
      'capv.vmware.com/cluster.role': 'controlplane',
    },
    vcVm(`vm-${name}`, host, 'vsan'),
    zone,
  );

function cluster(pool: { name: string; vms: VmServiceVm[] }): WorkloadCluster {
  return {
    name: 'c1',
    namespace: 'demo',
    kind: 'Cluster',
    conditions: [],
    nodePools: [
      {
        name: pool.name,
        desiredReplicas: pool.vms.length,
        readyReplicas: pool.vms.length,
        conditions: [],
        machines: pool.vms.map(v => ({ name: v.name, vcenterVm: v.vcenterVm })),
      },
    ],
  };
}

describe('clusterPlacements', () => {
  it('flags three control-plane VMs on one host and a pool on one datastore, naming them', () => {
    const workers = [
      vm('w1', {}, vcVm('vm-w1', 'esx-1', 'nfs-01')),
      vm('w2', {}, vcVm('vm-w2', 'esx-2', 'nfs-01')),
    ];
    const vms = [
      cp('cp1', 'esx-1'),
      cp('cp2', 'esx-1'),
      cp('cp3', 'esx-1'),
      ...workers,
    ];
    const [placement] = clusterPlacements({
      clusters: [cluster({ name: 'workers', vms: workers })],
      vms,
    });

    expect(placement.hosts).toEqual(['esx-1', 'esx-2']);
    expect(placement.risks).toEqual([
      {
        kind: 'single-host',
        group: 'control-plane',
        on: 'esx-1',
        message:
          'all 3 control-plane VMs run on one host, esx-1: a host failure takes them all down',
      },
      {
        kind: 'single-datastore',
        group: 'control-plane',
        on: 'vsan',
        message: 'all 3 control-plane VMs are on one datastore, vsan',
      },
      {
        kind: 'single-datastore',
        group: 'workers',
        on: 'nfs-01',
        message:
          "all 2 VMs of node pool 'workers' are on one datastore, nfs-01",
      },
    ]);
  });

  it("places the cluster's control-plane Machines by their joined VMs when the page has no node VMs", () => {
    const workers = [vm('w1', {}, vcVm('vm-w1', 'esx-2', 'nfs-01'))];
    const [placement] = clusterPlacements({
      clusters: [
        {
          ...cluster({ name: 'workers', vms: workers }),
          controlPlaneMachines: [
            { name: 'cp1', vcenterVm: vcVm('vm-cp1', 'esx-1', 'vsan') },
            { name: 'cp2', vcenterVm: vcVm('vm-cp2', 'esx-1', 'vsan') },
          ],
        },
      ],
      // a team page's VMs leave cluster nodes out
      vms: [],
    });

    expect(
      placement.vms
        .filter(v => v.group === 'control-plane')
        .map(v => [v.name, v.host]),
    ).toEqual([
      ['cp1', 'esx-1'],
      ['cp2', 'esx-1'],
    ]);
    expect(placement.risks.map(r => [r.kind, r.group, r.on])).toEqual([
      ['single-host', 'control-plane', 'esx-1'],
      ['single-datastore', 'control-plane', 'vsan'],
    ]);
  });

  it('flags a pool in one zone only when the Supervisor has several zones', () => {
    const workers = [
      vm('w1', {}, vcVm('vm-w1', 'esx-1', 'a'), 'zone-a'),
      vm('w2', {}, vcVm('vm-w2', 'esx-2', 'b'), 'zone-a'),
    ];
    const one = clusterPlacements({
      clusters: [cluster({ name: 'workers', vms: workers })],
      vms: workers,
    });
    expect(one[0].risks).toEqual([]);

    const spread = [cp('cp1', 'esx-3', 'zone-b'), ...workers];
    const [placement] = clusterPlacements({
      clusters: [cluster({ name: 'workers', vms: workers })],
      vms: spread,
    });
    expect(placement.zones).toEqual(['zone-a', 'zone-b']);
    expect(placement.risks.map(r => `${r.kind}:${r.group}:${r.on}`)).toEqual([
      'single-zone:workers:zone-a',
    ]);
  });

  it('sees no risk in a single VM or in VMs whose placement is unknown', () => {
    const lone = vm('w1', {}, vcVm('vm-w1', 'esx-1', 'a'));
    const unknown = {
      ...vm('w2', {}, vcVm('x', 'y', 'z')),
      vcenterVm: undefined,
    };
    const [placement] = clusterPlacements({
      clusters: [cluster({ name: 'workers', vms: [lone, unknown] })],
      vms: [lone, unknown],
    });
    expect(placement.risks).toEqual([]);
    expect(placement.vms[1]).toMatchObject({ name: 'w2', datastores: [] });
  });
});
