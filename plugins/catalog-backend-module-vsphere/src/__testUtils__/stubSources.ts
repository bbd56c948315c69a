import { NotFoundError } from '@backstage/errors';
import {
  KubeObject,
  SupervisorNamespace,
  VCenterCluster,
  VCenterConfig,
} from '@backstage-vsphere/plugin-vsphere-node';
import { VCenterVm } from '@backstage-vsphere/plugin-vsphere-common';
import { VsphereCatalogConfig } from '../config';
import { VcenterSources } from '../inventory/sources';

export const vcenterConfig: VCenterConfig = {
  name: 'vc1',
  url: 'https://vc1.example.com',
  username: 'reader@vsphere.local',
  password: 'secret',
  skipTLSVerify: false,
  clientBaseUrl: 'https://vc1.example.com/ui',
  requestTimeoutMs: 5000,
  inventoryPageSize: 1000,
  supervisors: [
    {
      name: 'sv1',
      cluster: 'domain-c8',
      url: 'https://10.0.0.10:6443',
      skipTLSVerify: false,
      token: 'token',
    },
  ],
};

export const catalogConfig: VsphereCatalogConfig = {
  schedule: { frequency: { minutes: 5 }, timeout: { minutes: 3 } },
  defaultOwner: 'group:default/platform',
  ownerMap: {},
  includeVcenterVms: false,
  vcenterVmFilters: { folders: [], clusters: [] },
  kubernetes: {
    caData: {},
    skipTLSVerify: false,
    skipMetricsLookup: false,
    allowedApiServers: [],
  },
};

export function kubeObject(
  kind: string,
  namespace: string | undefined,
  name: string,
  rest: Partial<KubeObject> = {},
): KubeObject {
  return {
    kind,
    ...rest,
    metadata: { name, ...(namespace ? { namespace } : {}), ...rest.metadata },
  };
}

/** The demo data of the testenv in the shape the clients return it. */
export function demoData() {
  const namespaces: SupervisorNamespace[] = [
    {
      name: 'demo',
      cluster: 'domain-c8',
      configStatus: 'RUNNING',
      messages: [],
      description: 'Demo services',
      accessList: [
        {
          subjectType: 'USER',
          subject: 'alice',
          domain: 'vsphere.local',
          role: 'OWNER',
        },
        {
          subjectType: 'GROUP',
          subject: 'devops',
          domain: 'vsphere.local',
          role: 'OWNER',
        },
        {
          subjectType: 'GROUP',
          subject: 'viewers',
          domain: 'vsphere.local',
          role: 'VIEW',
        },
      ],
    },
    {
      name: 'team-a',
      cluster: 'domain-c8',
      configStatus: 'RUNNING',
      messages: [],
      accessList: [],
    },
  ];
  const kubeNamespaces = [
    kubeObject('Namespace', undefined, 'demo', {
      metadata: {
        name: 'demo',
        annotations: { 'vmware-system-resource-pool': 'resgroup-20' },
      },
    }),
    kubeObject('Namespace', undefined, 'team-a', {
      metadata: { name: 'team-a', labels: { 'backstage.io/owner': 'team-a' } },
    }),
    kubeObject('Namespace', undefined, 'kube-system'),
  ];
  const vm = (namespace: string, name: string, moref: string, extra = {}) =>
    kubeObject('VirtualMachine', namespace, name, {
      spec: { className: 'best-effort-small', imageName: 'ubuntu-2204' },
      status: { uniqueID: moref, powerState: 'PoweredOn' },
      ...extra,
    });
  const vms = [
    vm('demo', 'demo-web-01', 'vm-101'),
    vm('demo', 'demo-db-01', 'vm-102', {
      metadata: {
        name: 'demo-db-01',
        namespace: 'demo',
        labels: { 'backstage.io/owner': 'dba' },
      },
    }),
    vm('demo', 'demo-cluster-np-small-abcde-x1', 'vm-103', {
      metadata: {
        name: 'demo-cluster-np-small-abcde-x1',
        namespace: 'demo',
        labels: { 'cluster.x-k8s.io/cluster-name': 'demo-cluster' },
      },
    }),
    vm('kube-system', 'not-a-supervisor-namespace', 'vm-104'),
  ];
  const clusters = [
    kubeObject('Cluster', 'demo', 'demo-cluster', {
      spec: {
        controlPlaneEndpoint: { host: '10.244.0.162', port: 6443 },
        topology: {
          classRef: { name: 'tanzukubernetescluster' },
          version: 'v1.33.3+vmware.1-fips',
          workers: {
            machineDeployments: [
              {
                class: 'node-pool',
                name: 'np-small',
                replicas: 2,
                variables: {
                  overrides: [{ name: 'vmClass', value: 'best-effort-small' }],
                },
              },
              { class: 'node-pool', name: 'np-large', replicas: 1 },
            ],
          },
        },
      },
    }),
    // the Cluster a TanzuKubernetesCluster owns: shown once, as the TanzuKubernetesCluster
    kubeObject('Cluster', 'team-a', 'team-a-tkc', {
      metadata: {
        name: 'team-a-tkc',
        namespace: 'team-a',
        ownerReferences: [
          { kind: 'TanzuKubernetesCluster', name: 'team-a-tkc' },
        ],
      },
      spec: { controlPlaneEndpoint: { host: '10.244.0.174', port: 6443 } },
    }),
  ];
  const tanzuClusters = [
    kubeObject('TanzuKubernetesCluster', 'team-a', 'team-a-tkc', {
      spec: {
        topology: {
          controlPlane: { tkr: { reference: { name: 'v1.32.7' } } },
          nodePools: [
            {
              name: 'workers',
              replicas: 2,
              vmClass: 'best-effort-medium',
              storageClass: 'k8s-gold',
            },
          ],
        },
      },
    }),
  ];
  const vcenterVms: VCenterVm[] = [
    {
      moref: 'vm-101',
      name: 'demo-web-01',
      powerState: 'poweredOn',
      datastores: [],
      folder: 'group-v30',
      host: 'host-1',
    },
    {
      moref: 'vm-201',
      name: 'Legacy DB 01',
      powerState: 'poweredOn',
      datastores: [],
      folder: 'group-v40',
      host: 'host-2',
    },
    {
      moref: 'vm-202',
      name: 'jump-host',
      powerState: 'poweredOff',
      datastores: [],
      folder: 'group-v41',
      host: 'host-1',
    },
  ];
  const vcenterClusters: VCenterCluster[] = [
    {
      moref: 'domain-c8',
      name: 'WCP-Cluster',
      hosts: ['host-1'],
      datastores: [],
    },
    {
      moref: 'domain-c9',
      name: 'Compute-Cluster',
      hosts: ['host-2'],
      datastores: [],
    },
  ];
  return {
    namespaces,
    kubeNamespaces,
    vms,
    clusters,
    tanzuClusters,
    vcenterVms,
    vcenterClusters,
  };
}

export type DemoData = ReturnType<typeof demoData>;

/** Stub sources over the data, recording each call as `<client>.<method>[:<kind>]`. */
export function stubSources(data: DemoData = demoData()) {
  const calls: string[] = [];
  const failures = new Map<string, Error>();
  const record = (call: string) => {
    calls.push(call);
    const failure = failures.get(call);
    if (failure) {
      throw failure;
    }
  };
  // read on each call, so tests can change the data between runs
  const byKind = (kind: string): KubeObject[] =>
    ({
      Namespace: data.kubeNamespaces,
      VirtualMachine: data.vms,
      Cluster: data.clusters,
      TanzuKubernetesCluster: data.tanzuClusters,
    }[kind] ?? []);
  const sources: VcenterSources = {
    vcenter: () => ({
      listNamespaces: async () => {
        record('vcenter.listNamespaces');
        return data.namespaces.map(({ accessList: _a, ...summary }) => summary);
      },
      getNamespace: async name => {
        record('vcenter.getNamespace');
        const found = data.namespaces.find(ns => ns.name === name);
        if (!found) {
          throw new NotFoundError(`namespace ${name} not found`);
        }
        return found;
      },
      listClusters: async () => {
        record('vcenter.listClusters');
        return data.vcenterClusters;
      },
      listVms: async () => {
        record('vcenter.listVms');
        return data.vcenterVms;
      },
    }),
    supervisor: () => ({
      apiVersions: async () => ({
        vmOperator: 'v1alpha5',
        clusterApi: 'v1beta2',
        tanzu: 'v1alpha3',
      }),
      list: async (kind, options = {}) => {
        record(`supervisor.list:${kind}`);
        return byKind(kind).filter(
          o => !options.namespace || o.metadata.namespace === options.namespace,
        );
      },
      get: async (kind, name) => {
        record(`supervisor.get:${kind}`);
        const found = byKind(kind).find(o => o.metadata.name === name);
        if (!found) {
          throw new NotFoundError(`${kind} ${name} not found`);
        }
        return found;
      },
    }),
  };
  return { sources, calls, failures, data };
}
