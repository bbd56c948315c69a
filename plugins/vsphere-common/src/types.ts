/**
 * A virtual machine as vCenter's inventory reports it (read in bulk over the PropertyCollector).
 * @public
 */
export interface VCenterVm {
  /** Managed object id, e.g. `vm-42`; a VM Service VM's `status.uniqueID`. */
  moref: string;
  name: string;
  powerState: 'poweredOn' | 'poweredOff' | 'suspended' | string;
  cpuCount?: number;
  memoryMiB?: number;
  guestOs?: string;
  ipAddress?: string;
  /** Managed object id of the host, and its name when known. */
  host?: string;
  hostName?: string;
  /** Managed object ids of the datastores, and their names when known. */
  datastores: string[];
  datastoreNames?: string[];
  resourcePool?: string;
  folder?: string;
  instanceUuid?: string;
  /** BIOS UUID (`config.uuid`); a Cluster API Machine's providerID is `vsphere://<biosUuid>`. */
  biosUuid?: string;
}

/**
 * A Kubernetes-style condition.
 * @public
 */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown' | string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/**
 * A VM Service VirtualMachine, joined with its vCenter VM when the ids match.
 * @public
 */
export interface VmServiceVm {
  name: string;
  namespace: string;
  className?: string;
  imageName?: string;
  storageClass?: string;
  /** The power state asked for in the spec. */
  desiredPowerState?: string;
  /** The power state the VM reports. */
  powerState?: string;
  primaryIP4?: string;
  /** vCenter managed object id of the VM (`status.uniqueID`). */
  uniqueID?: string;
  /** The vSphere zone the VM was placed in (`status.zone`), on a multi-zone Supervisor. */
  zone?: string;
  /**
   * The VM's own size where it overrides its class (VM Operator v1alpha6 `spec.resources.size`):
   * guest vCPUs and memory (a Kubernetes quantity).
   */
  size?: VmSize;
  conditions: Condition[];
  labels: Record<string, string>;
  createdAt?: string;
  /** Set once the VM is being deleted; vCenter may already have removed its VM. */
  deletingSince?: string;
  /** True for a node of a workload cluster: its node pool manages it, it is never powered alone. */
  clusterNode?: boolean;
  vcenterVm?: VCenterVm;
}

/**
 * A VM's guest-visible size: vCPUs and memory (a Kubernetes quantity such as `8Gi`).
 * @public
 */
export interface VmSize {
  cpus?: number;
  memory?: string;
}

/**
 * One machine of a node pool and the vCenter VM behind it.
 * @public
 */
export interface NodePoolMachine {
  name: string;
  phase?: string;
  nodeName?: string;
  providerID?: string;
  vcenterVm?: VCenterVm;
}

/**
 * A node pool: a Cluster topology's machineDeployment or a TanzuKubernetesCluster nodePool.
 * @public
 */
export interface NodePool {
  name: string;
  /** The worker class of the ClusterClass, when the cluster is a Cluster API Cluster. */
  class?: string;
  desiredReplicas: number;
  replicas?: number;
  readyReplicas: number;
  availableReplicas?: number;
  vmClass?: string;
  storageClass?: string;
  phase?: string;
  conditions: Condition[];
  machines: NodePoolMachine[];
}

/**
 * A workload cluster on the Supervisor.
 * @public
 */
export interface WorkloadCluster {
  name: string;
  namespace: string;
  kind: 'Cluster' | 'TanzuKubernetesCluster';
  /** The ClusterClass, for Cluster API clusters. */
  clusterClass?: string;
  version?: string;
  phase?: string;
  controlPlaneReplicas?: number;
  controlPlaneReady?: boolean;
  /** The control plane's Machines with their VMs; absent when none is known. */
  controlPlaneMachines?: NodePoolMachine[];
  conditions: Condition[];
  nodePools: NodePool[];
}

/**
 * A configured vCenter as the backend's `/vcenters` route describes it: names and links, never
 * credentials.
 * @public
 */
export interface VCenterSummary {
  name: string;
  clientBaseUrl: string;
  supervisors: { name: string; cluster: string }[];
}
