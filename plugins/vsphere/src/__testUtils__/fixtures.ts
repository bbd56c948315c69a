import { Entity } from '@backstage/catalog-model';
import {
  EntityOverview,
  NamespaceOverview,
  VmServiceVm,
  WorkloadCluster,
} from '@backstage-vsphere/plugin-vsphere-common';

/** A Supervisor namespace with quotas, policies, classes and a library. */
export function namespaceFixture(
  overrides: Partial<NamespaceOverview> = {},
): NamespaceOverview {
  return {
    name: 'demo',
    configStatus: 'RUNNING',
    description: 'Payments team namespace',
    messages: [],
    quota: {
      cpu: { used: 4000, limit: 20000, unit: 'MHz' },
      memory: { used: 8192, limit: 65536, unit: 'MiB' },
      storage: { used: 102400, unit: 'MiB' },
    },
    storagePolicies: [{ id: 'pol-1', name: 'vsan-default', limitMiB: 1048576 }],
    vmClasses: ['best-effort-small', 'guaranteed-medium'],
    vmClassDetails: [],
    contentLibraries: [{ id: 'lib-1', name: 'ubuntu-images' }],
    resourceQuotas: [],
    limitRanges: [],
    ...overrides,
  };
}

/** A powered-on VM Service VM joined with its vCenter VM. */
export function vmFixture(overrides: Partial<VmServiceVm> = {}): VmServiceVm {
  return {
    name: 'web-1',
    namespace: 'demo',
    className: 'best-effort-small',
    imageName: 'ubuntu-22.04',
    desiredPowerState: 'PoweredOn',
    powerState: 'PoweredOn',
    primaryIP4: '10.0.0.11',
    uniqueID: 'vm-42',
    conditions: [],
    labels: { app: 'payments' },
    vcenterVm: {
      moref: 'vm-42',
      name: 'web-1',
      powerState: 'poweredOn',
      guestOs: 'ubuntu64Guest',
      cpuCount: 2,
      memoryMiB: 4096,
      host: 'host-7',
      hostName: 'esx-01.lab',
      datastores: ['datastore-3'],
      datastoreNames: ['vsanDatastore'],
    },
    ...overrides,
  };
}

/** A Cluster API cluster with one ready node pool of two machines. */
export function clusterFixture(
  overrides: Partial<WorkloadCluster> = {},
): WorkloadCluster {
  return {
    name: 'tkc-1',
    namespace: 'demo',
    kind: 'Cluster',
    clusterClass: 'tanzukubernetescluster',
    version: 'v1.29.4',
    phase: 'Provisioned',
    controlPlaneReplicas: 1,
    controlPlaneReady: true,
    conditions: [{ type: 'Ready', status: 'True' }],
    nodePools: [
      {
        name: 'workers',
        class: 'node-pool',
        desiredReplicas: 2,
        replicas: 2,
        readyReplicas: 2,
        vmClass: 'best-effort-small',
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True' }],
        machines: [
          {
            name: 'tkc-1-workers-abc',
            phase: 'Running',
            vcenterVm: {
              moref: 'vm-51',
              name: 'tkc-1-workers-abc',
              powerState: 'poweredOn',
              ipAddress: '10.0.1.5',
              hostName: 'esx-02.lab',
              datastores: [],
            },
          },
          { name: 'tkc-1-workers-def', phase: 'Running' },
        ],
      },
    ],
    ...overrides,
  };
}

/** A complete overview of the entity `component:default/payments`. */
export function overviewFixture(
  overrides: Partial<EntityOverview> = {},
): EntityOverview {
  return {
    entityRef: 'component:default/payments',
    vcenter: 'vc-east',
    supervisor: 'sv-1',
    namespace: namespaceFixture(),
    vms: [vmFixture()],
    clusters: [clusterFixture()],
    events: [
      {
        type: 'Normal',
        reason: 'Created',
        message: 'Created VM web-1',
        object: 'VirtualMachine/web-1',
        count: 1,
        lastSeen: '2024-05-01T10:00:00Z',
      },
      {
        type: 'Warning',
        reason: 'BackOff',
        message: 'Machine is not ready',
        object: 'Machine/tkc-1-workers-def',
        count: 3,
        lastSeen: '2024-05-01T11:00:00Z',
      },
    ],
    links: {
      vsphereClient: 'https://vc-east/ui/app/namespace/demo',
      kubectlLogin:
        'kubectl vsphere login --server=10.0.0.2 --tanzu-kubernetes-cluster-namespace demo',
    },
    allowed: { scaleClusters: ['tkc-1'], powerVms: ['web-1'] },
    errors: [],
    sources: [
      {
        source: 'vcenter:vc-east',
        state: 'live',
        lastSyncedAt: '2024-05-01T11:05:00Z',
      },
      {
        source: 'supervisor:vc-east/sv-1',
        state: 'live',
        lastSyncedAt: '2024-05-01T11:05:00Z',
      },
    ],
    fetchedAt: '2024-05-01T11:05:00Z',
    ...overrides,
  };
}

/** A catalog entity carrying the given annotations. */
export function entityFixture(
  annotations: Record<string, string> = {
    'vsphere.vmware.com/supervisor-namespace': 'demo',
  },
  kind = 'Component',
  specType = 'service',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'payments', namespace: 'default', annotations },
    spec: { type: specType, owner: 'team-a' },
  };
}
