import {
  CapacityResponse,
  PerfResponse,
  PlacementResponse,
} from '@backstage-vsphere/plugin-vsphere-common';

/** A three-host Supervisor cluster, demo promised 20 GHz / 64 GiB, team-a unlimited. */
export function capacityFixture(
  overrides: Partial<CapacityResponse> = {},
): CapacityResponse {
  return {
    vcenter: 'vc-east',
    cluster: { moref: 'domain-c8', name: 'WCP-Cluster' },
    hosts: [
      {
        moref: 'host-1',
        name: 'esx-01.lab',
        cpuCores: 16,
        cpuCapacityMHz: 41600,
        cpuUsedMHz: 20800,
        memoryCapacityMiB: 262144,
        memoryUsedMiB: 131072,
        available: true,
      },
      {
        moref: 'host-2',
        name: 'esx-02.lab',
        cpuCores: 16,
        cpuCapacityMHz: 41600,
        cpuUsedMHz: 0,
        memoryCapacityMiB: 262144,
        memoryUsedMiB: 0,
        available: false,
      },
    ],
    cpu: {
      capacity: 41600,
      used: 20800,
      promised: 62400,
      overcommit: 1.5,
      unit: 'MHz',
    },
    memory: {
      capacity: 262144,
      used: 131072,
      promised: 65536,
      overcommit: 0.25,
      unit: 'MiB',
    },
    datastores: [
      {
        moref: 'datastore-1',
        name: 'vsanDatastore',
        type: 'vsan',
        capacityMiB: 2097152,
        freeMiB: 1048576,
      },
    ],
    storagePolicies: [
      {
        policyId: 'pol-1',
        policyName: 'k8s-gold',
        grantedMiB: 204800,
        unlimitedNamespaces: ['team-a'],
      },
    ],
    namespaces: [
      {
        name: 'demo',
        cpuLimitMHz: 62400,
        memoryLimitMiB: 65536,
        cpuUsedMHz: 7800,
        memoryUsedMiB: 28672,
      },
      { name: 'team-a' },
    ],
    namespace: 'demo',
    links: {
      cluster: [
        { title: 'Aria Operations', url: 'https://aria.lab/c/domain-c8' },
      ],
    },
    fetchedAt: '2026-12-01T12:00:00.000Z',
    ...overrides,
  };
}

/** tkc-1: three control-plane VMs on one host, a pool of two on two hosts. */
export function placementFixture(): PlacementResponse {
  const vm = (name: string, group: string, host: string) => ({
    name,
    group,
    host,
    moref: `vm-${name}`,
    datastores: ['vsanDatastore'],
  });
  return {
    items: [
      {
        cluster: 'tkc-1',
        hosts: ['esx-01.lab', 'esx-02.lab'],
        datastores: ['vsanDatastore'],
        zones: [],
        vms: [
          vm('cp-a', 'control-plane', 'esx-01.lab'),
          vm('cp-b', 'control-plane', 'esx-01.lab'),
          vm('cp-c', 'control-plane', 'esx-01.lab'),
          vm('w-1', 'workers', 'esx-01.lab'),
          vm('w-2', 'workers', 'esx-02.lab'),
        ],
        risks: [
          {
            kind: 'single-host',
            group: 'control-plane',
            on: 'esx-01.lab',
            message:
              'all 3 control-plane VMs run on one host, esx-01.lab: a host failure takes them all down',
          },
        ],
        links: [],
      },
    ],
  };
}

/** web-1 at 12 % CPU now with one missing sample, and its host. */
export function perfFixture(): PerfResponse {
  const times = [
    '2026-12-01T12:00:00Z',
    '2026-12-01T12:00:20Z',
    '2026-12-01T12:00:40Z',
  ];
  return {
    vms: [
      {
        name: 'web-1',
        moref: 'vm-42',
        host: 'esx-01.lab',
        series: {
          moref: 'vm-42',
          timestamps: times,
          cpuPercent: [40, null, 12.3],
          memoryPercent: [55, 56, 57.6],
        },
        links: [
          { title: 'Grafana', url: 'https://grafana.lab/d/vm?var-vm=web-1' },
        ],
      },
    ],
    hosts: [
      {
        moref: 'host-7',
        name: 'esx-01.lab',
        series: {
          moref: 'host-7',
          timestamps: times,
          cpuPercent: [91, 92, 93],
          memoryPercent: [60, 61, 62],
        },
      },
    ],
  };
}
