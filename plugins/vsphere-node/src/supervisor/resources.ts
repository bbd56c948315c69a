/**
 * The API groups whose version the client discovers on each Supervisor.
 * @public
 */
export type SupervisorApiGroup = 'vmOperator' | 'clusterApi' | 'tanzu';

/**
 * The kinds of object the client reads and watches.
 * @public
 */
export type SupervisorResource =
  | 'VirtualMachine'
  | 'VirtualMachineClass'
  | 'VirtualMachineImage'
  | 'ClusterVirtualMachineImage'
  | 'Cluster'
  | 'ClusterClass'
  | 'MachineDeployment'
  | 'Machine'
  | 'TanzuKubernetesCluster'
  | 'Namespace'
  | 'ResourceQuota'
  | 'LimitRange'
  | 'Event';

export interface ResourceDescriptor {
  kind: SupervisorResource;
  plural: string;
  /** The discovered group, or `core` for the Kubernetes core API (`/api/v1`). */
  apiGroup: SupervisorApiGroup | 'core';
  namespaced: boolean;
}

export const API_GROUP_NAMES: Record<SupervisorApiGroup, string> = {
  vmOperator: 'vmoperator.vmware.com',
  clusterApi: 'cluster.x-k8s.io',
  tanzu: 'run.tanzu.vmware.com',
};

export const RESOURCES: Record<SupervisorResource, ResourceDescriptor> = {
  VirtualMachine: {
    kind: 'VirtualMachine',
    plural: 'virtualmachines',
    apiGroup: 'vmOperator',
    namespaced: true,
  },
  VirtualMachineClass: {
    kind: 'VirtualMachineClass',
    plural: 'virtualmachineclasses',
    apiGroup: 'vmOperator',
    namespaced: true,
  },
  VirtualMachineImage: {
    kind: 'VirtualMachineImage',
    plural: 'virtualmachineimages',
    apiGroup: 'vmOperator',
    namespaced: true,
  },
  ClusterVirtualMachineImage: {
    kind: 'ClusterVirtualMachineImage',
    plural: 'clustervirtualmachineimages',
    apiGroup: 'vmOperator',
    namespaced: false,
  },
  Cluster: {
    kind: 'Cluster',
    plural: 'clusters',
    apiGroup: 'clusterApi',
    namespaced: true,
  },
  ClusterClass: {
    kind: 'ClusterClass',
    plural: 'clusterclasses',
    apiGroup: 'clusterApi',
    namespaced: true,
  },
  MachineDeployment: {
    kind: 'MachineDeployment',
    plural: 'machinedeployments',
    apiGroup: 'clusterApi',
    namespaced: true,
  },
  Machine: {
    kind: 'Machine',
    plural: 'machines',
    apiGroup: 'clusterApi',
    namespaced: true,
  },
  TanzuKubernetesCluster: {
    kind: 'TanzuKubernetesCluster',
    plural: 'tanzukubernetesclusters',
    apiGroup: 'tanzu',
    namespaced: true,
  },
  Namespace: {
    kind: 'Namespace',
    plural: 'namespaces',
    apiGroup: 'core',
    namespaced: false,
  },
  ResourceQuota: {
    kind: 'ResourceQuota',
    plural: 'resourcequotas',
    apiGroup: 'core',
    namespaced: true,
  },
  LimitRange: {
    kind: 'LimitRange',
    plural: 'limitranges',
    apiGroup: 'core',
    namespaced: true,
  },
  Event: {
    kind: 'Event',
    plural: 'events',
    apiGroup: 'core',
    namespaced: true,
  },
};

/** `virtualmachines.vmoperator.vmware.com`, as Kubernetes names a resource in RBAC messages. */
export function qualifiedResourceName(resource: ResourceDescriptor): string {
  return resource.apiGroup === 'core'
    ? resource.plural
    : `${resource.plural}.${API_GROUP_NAMES[resource.apiGroup]}`;
}
