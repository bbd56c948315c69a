/**
 * One host of a cluster: capacity and what it uses now (vCenter quick stats).
 * @public
 */
export interface HostCapacity {
  moref: string;
  name: string;
  cpuCores: number;
  cpuCapacityMHz: number;
  cpuUsedMHz: number;
  memoryCapacityMiB: number;
  memoryUsedMiB: number;
  /** Disconnected or in maintenance: its capacity is not counted. */
  available: boolean;
}

/**
 * Capacity of one resource: what the hardware has, uses, and what namespaces were promised.
 * @public
 */
export interface ResourceCapacity {
  capacity: number;
  used: number;
  /** Sum of the namespaces' limits. */
  promised: number;
  /** promised / capacity; above 1 the namespaces were promised more than the hardware has. */
  overcommit: number;
  unit: 'MHz' | 'MiB';
}

/**
 * Storage granted per storage policy against the free space of the cluster's datastores.
 * @public
 */
export interface PolicyCapacity {
  policyId: string;
  policyName?: string;
  /** Sum of namespace storage limits on this policy, MiB; namespaces without a limit are counted apart. */
  grantedMiB: number;
  unlimitedNamespaces: string[];
}

/**
 * A datastore of the cluster.
 * @public
 */
export interface DatastoreCapacity {
  moref: string;
  name: string;
  type?: string;
  capacityMiB: number;
  freeMiB: number;
}

/**
 * Capacity of a Supervisor's vCenter cluster against what its namespaces were promised.
 * @public
 */
export interface SupervisorCapacity {
  vcenter: string;
  cluster: { moref: string; name: string };
  hosts: HostCapacity[];
  cpu: ResourceCapacity;
  memory: ResourceCapacity;
  datastores: DatastoreCapacity[];
  storagePolicies: PolicyCapacity[];
  /** Namespaces on the cluster and their limits (unset = unlimited). */
  namespaces: {
    name: string;
    cpuLimitMHz?: number;
    memoryLimitMiB?: number;
    cpuUsedMHz?: number;
    memoryUsedMiB?: number;
  }[];
  /** The namespace the page is about, when it is a namespace's page. */
  namespace?: string;
  fetchedAt: string;
}

/**
 * A placement risk a vSphere admin looks for.
 * @public
 */
export interface PlacementRisk {
  kind: 'single-host' | 'single-datastore' | 'single-zone';
  /** `control-plane` or the node pool's name. */
  group: string;
  /** The host, datastore or zone all VMs of the group share. */
  on: string;
  message: string;
}

/**
 * One VM of a workload cluster and where it runs.
 * @public
 */
export interface PlacedVm {
  name: string;
  /** `control-plane` or the node pool's name. */
  group: string;
  moref?: string;
  host?: string;
  datastores: string[];
  zone?: string;
}

/**
 * How a workload cluster's VMs spread across hosts, datastores and zones.
 * @public
 */
export interface ClusterPlacement {
  cluster: string;
  hosts: string[];
  datastores: string[];
  zones: string[];
  vms: PlacedVm[];
  risks: PlacementRisk[];
}

/**
 * Recent CPU and memory of one VM or host (real-time interval).
 * @public
 */
export interface PerfSeries {
  moref: string;
  /** Sample times (ISO), oldest first. */
  timestamps: string[];
  /** CPU usage in percent; null where vCenter has no sample. */
  cpuPercent: (number | null)[];
  /** Memory usage in percent; null where vCenter has no sample. */
  memoryPercent: (number | null)[];
}

/**
 * A link to a monitoring tool for one object.
 * @public
 */
export interface MonitoringLink {
  title: string;
  url: string;
}

/**
 * What the capacity route answers: the capacity and monitoring links of the cluster and namespace.
 * @public
 */
export type CapacityResponse = SupervisorCapacity & {
  links: { cluster?: MonitoringLink[]; namespace?: MonitoringLink[] };
};

/**
 * What the placement route answers, one entry per workload cluster of the page.
 * @public
 */
export interface PlacementResponse {
  items: (ClusterPlacement & { links: MonitoringLink[] })[];
}

/**
 * What the perf route answers: recent CPU and memory of the page's VMs and their hosts.
 * @public
 */
export interface PerfResponse {
  vms: {
    name: string;
    moref: string;
    host?: string;
    series?: PerfSeries;
    links: MonitoringLink[];
  }[];
  hosts: { moref: string; name?: string; series?: PerfSeries }[];
}
