import { NamespaceAccessEntry } from '@backstage-vsphere/plugin-vsphere-node';

/**
 * A configured Supervisor and the vCenter cluster it runs on.
 * @public
 */
export interface SupervisorRecord {
  /** The name from config. */
  name: string;
  /** Managed object id of the cluster, e.g. `domain-c8`. */
  cluster: string;
}

/**
 * A Supervisor namespace: vCenter's view joined with its Kubernetes namespace.
 * @public
 */
export interface NamespaceRecord {
  name: string;
  /** Managed object id of the Supervisor's cluster. */
  cluster: string;
  /** The configured Supervisor of that cluster; unset when none is configured. */
  supervisor?: string;
  description?: string;
  accessList: NamespaceAccessEntry[];
  /** Labels and annotations of the Kubernetes namespace; empty when it is not there (yet). */
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/**
 * A VM Service VirtualMachine.
 * @public
 */
export interface VmRecord {
  supervisor: string;
  namespace: string;
  name: string;
  /** vCenter managed object id (`status.uniqueID`), once VM Operator has set it. */
  moref?: string;
  className?: string;
  imageName?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/**
 * A node pool as its cluster's spec declares it; status is left to the live views.
 * @public
 */
export interface NodePoolRecord {
  name: string;
  /** The ClusterClass worker class. */
  class?: string;
  vmClass?: string;
  storageClass?: string;
  replicas: number;
}

/**
 * A Cluster API Cluster or TanzuKubernetesCluster.
 * @public
 */
export interface ClusterRecord {
  supervisor: string;
  namespace: string;
  name: string;
  kind: 'Cluster' | 'TanzuKubernetesCluster';
  clusterClass?: string;
  version?: string;
  /** `https://host:port` of the cluster's Kubernetes API, once known. */
  apiServer?: string;
  nodePools: NodePoolRecord[];
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/**
 * A vCenter VM that is not a VM Service VM.
 * @public
 */
export interface VcenterVmRecord {
  moref: string;
  name: string;
  /** Managed object id of the VM folder. */
  folder?: string;
  /** Managed object id of the cluster of its host. */
  cluster?: string;
}

/**
 * Everything the provider turns into entities for one vCenter.
 * @public
 */
export interface VcenterInventory {
  vcenter: string;
  supervisors: SupervisorRecord[];
  namespaces: NamespaceRecord[];
  vms: VmRecord[];
  clusters: ClusterRecord[];
  vcenterVms: VcenterVmRecord[];
}
