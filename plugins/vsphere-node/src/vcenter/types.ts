/**
 * Options every {@link VCenterClient} call takes.
 * @public
 */
export interface VCenterCallOptions {
  /** Cancels the call; a deadline of `requestTimeout` per request applies in any case. */
  signal?: AbortSignal;
}

/**
 * A user or group and its role in a Supervisor namespace.
 * @public
 */
export interface NamespaceAccessEntry {
  subjectType: 'USER' | 'GROUP';
  /** User or group name without the domain, e.g. `devops`. */
  subject: string;
  /** Identity source domain, e.g. `vsphere.local`. */
  domain: string;
  role: 'OWNER' | 'EDIT' | 'VIEW' | string;
}

/**
 * A storage policy made available to a namespace, with an optional limit.
 * @public
 */
export interface NamespaceStorageSpec {
  /** Storage policy (SPBM profile) id. */
  policy: string;
  /** Storage the namespace may use from this policy, in MiB; unlimited when unset. */
  limitMiB?: number;
}

/**
 * Resource limits of a namespace; unset fields are unlimited.
 * @public
 */
export interface NamespaceResourceSpec {
  cpuLimitMHz?: number;
  memoryLimitMiB?: number;
  storageRequestLimitMiB?: number;
  podCount?: number;
}

/**
 * What VM Service may use in a namespace.
 * @public
 */
export interface NamespaceVmServiceSpec {
  /** VM class ids. */
  vmClasses: string[];
  /** Content library ids. */
  contentLibraries: string[];
}

/**
 * A content library of a namespace's VM Image Service, with its settings (vSphere 8.0.2+).
 * @public
 */
export interface NamespaceContentLibrary {
  /** Content library id. */
  contentLibrary: string;
  /** Owners and editors of the namespace may add and delete its items. */
  writable?: boolean;
  /** Images may be imported into it from the namespace. */
  allowImport?: boolean;
  resourceNamingStrategy?: string;
}

/**
 * How a namespace is networked (vSphere 9): `NSX_VPC`, `VSPHERE_NETWORK` or `NSXT_CONTAINER_PLUGIN`.
 * @public
 */
export interface NamespaceNetworkSpec {
  networkProvider: string;
  /** Set with `NSX_VPC`. */
  vpcNetwork?: {
    /** NSX path of the VPC; unset when the Supervisor creates one. */
    vpc?: string;
    autoCreated?: boolean;
    defaultSubnetSize?: number;
    privateCidrs?: { address: string; prefix: number }[];
  };
}

/**
 * A vSphere zone a namespace is placed in.
 * @public
 */
export interface NamespaceZone {
  /** Zone id, e.g. `zone-a`. */
  zone: string;
  /** `MANAGEMENT` (control plane and workloads) or `WORKLOAD`. */
  type?: string;
  markedForRemoval?: boolean;
}

/**
 * A vSphere zone bound to a Supervisor.
 * @public
 */
export interface SupervisorZone {
  /** Zone id, e.g. `zone-a`. */
  zone: string;
  /** `MANAGEMENT` (control plane and workloads) or `WORKLOAD`. */
  type?: string;
  /** `READY`, `CONFIGURING`, `REMOVING` or `ERROR`. */
  status?: string;
  /** Namespaces placed in the zone. */
  namespaces: string[];
  markedForRemoval?: boolean;
}

/**
 * Everything a new Supervisor namespace can be given.
 * @public
 */
export interface NamespaceCreateSpec {
  /** vCenter id of the Supervisor cluster, e.g. `domain-c8`. */
  cluster: string;
  /** Namespace name: a DNS label of at most 63 characters. */
  namespace: string;
  description?: string;
  accessList?: NamespaceAccessEntry[];
  storageSpecs?: NamespaceStorageSpec[];
  resourceSpec?: NamespaceResourceSpec;
  vmServiceSpec?: NamespaceVmServiceSpec;
  /** vSphere networks (names of Supervisor workload networks). */
  networks?: string[];
  /** Zones of the Supervisor to place the namespace in; needs the v2 API (vSphere 9). */
  zones?: string[];
  /** VM Image Service libraries with their settings; needs the v2 API. */
  contentLibraries?: NamespaceContentLibrary[];
  /** Networking of the namespace; needs the v2 API. */
  networkSpec?: NamespaceNetworkSpec;
}

/**
 * Changes to a namespace; each set field replaces the current value.
 * @public
 */
export interface NamespaceUpdateSpec {
  description?: string;
  accessList?: NamespaceAccessEntry[];
  storageSpecs?: NamespaceStorageSpec[];
  resourceSpec?: NamespaceResourceSpec;
  vmServiceSpec?: NamespaceVmServiceSpec;
}

/**
 * A Supervisor namespace as vCenter reports it. Lists carry fewer fields than a get.
 * @public
 */
export interface SupervisorNamespace {
  name: string;
  /** vCenter id of the Supervisor cluster. */
  cluster: string;
  description?: string;
  configStatus: 'CONFIGURING' | 'REMOVING' | 'RUNNING' | 'ERROR' | string;
  /** Status messages, e.g. why configuration failed. */
  messages: string[];
  stats?: {
    cpuUsedMHz?: number;
    memoryUsedMiB?: number;
    storageUsedMiB?: number;
  };
  accessList?: NamespaceAccessEntry[];
  storageSpecs?: NamespaceStorageSpec[];
  resourceSpec?: NamespaceResourceSpec;
  vmServiceSpec?: NamespaceVmServiceSpec;
  /** The v2 fields, read where the vCenter serves `/api/vcenter/namespaces/instances/v2`. */
  zones?: NamespaceZone[];
  contentLibraries?: NamespaceContentLibrary[];
  networkSpec?: NamespaceNetworkSpec;
  /** Created by a developer through namespace self-service (kubectl). */
  selfService?: boolean;
}

/**
 * A vSphere cluster with the Supervisor enabled (namespace-management).
 * @public
 */
export interface SupervisorCluster {
  /** vCenter id of the cluster, e.g. `domain-c8`. */
  cluster: string;
  clusterName?: string;
  configStatus?: string;
  kubernetesStatus?: string;
}

/**
 * A VM Service virtual machine class.
 * @public
 */
export interface VmClass {
  id: string;
  cpuCount?: number;
  memoryMiB?: number;
  /** Percent of the CPU reserved. */
  cpuReservationPercent?: number;
  /** Percent of the memory reserved. */
  memoryReservationPercent?: number;
  description?: string;
  configStatus?: string;
}

/**
 * A content library.
 * @public
 */
export interface ContentLibrary {
  id: string;
  name: string;
  type?: 'LOCAL' | 'SUBSCRIBED' | string;
  description?: string;
  /** Managed object ids of the datastores backing the library. */
  datastores: string[];
  createdAt?: string;
  lastModifiedAt?: string;
}

/**
 * An item of a content library, e.g. a VM image.
 * @public
 */
export interface ContentLibraryItem {
  id: string;
  libraryId: string;
  name: string;
  type?: 'ovf' | 'vm-template' | 'iso' | string;
  description?: string;
  sizeBytes?: number;
  contentVersion?: string;
  createdAt?: string;
  lastModifiedAt?: string;
}

/**
 * A VM storage policy (SPBM requirement profile).
 * @public
 */
export interface StoragePolicy {
  /** Profile id, the value namespace storage specs refer to. */
  id: string;
  name: string;
  description?: string;
  /** Name of the Kubernetes storage class the Supervisor derives from the policy. */
  k8sCompliantName?: string;
}

/**
 * An ESXi host.
 * @public
 */
export interface VCenterHost {
  moref: string;
  name: string;
  /** Managed object id of the cluster, when the host is in one. */
  cluster?: string;
  connectionState?: 'connected' | 'disconnected' | 'notResponding' | string;
  powerState?: string;
  inMaintenanceMode?: boolean;
  cpuCores?: number;
  cpuMHz?: number;
  memoryMiB?: number;
  product?: string;
}

/**
 * A vSphere cluster (ClusterComputeResource).
 * @public
 */
export interface VCenterCluster {
  moref: string;
  name: string;
  /** Managed object ids of its hosts and datastores. */
  hosts: string[];
  datastores: string[];
  /** Managed object id of its root resource pool. */
  resourcePool?: string;
  numHosts?: number;
  numEffectiveHosts?: number;
  totalCpuMHz?: number;
  totalMemoryMiB?: number;
  drsEnabled?: boolean;
  haEnabled?: boolean;
}

/**
 * A datastore.
 * @public
 */
export interface VCenterDatastore {
  moref: string;
  name: string;
  /** File system type, e.g. VMFS, NFS, vsan. */
  type?: string;
  capacityBytes?: number;
  freeSpaceBytes?: number;
  accessible?: boolean;
  url?: string;
}

/**
 * A resource pool; each Supervisor namespace has one named after it.
 * @public
 */
export interface VCenterResourcePool {
  moref: string;
  name: string;
  /** Managed object id of the parent pool or compute resource. */
  parent?: string;
  /** Managed object id of the cluster (or standalone host) the pool belongs to. */
  owner?: string;
  /** Limits are -1 when unlimited. */
  cpuLimitMHz?: number;
  cpuReservationMHz?: number;
  memoryLimitMiB?: number;
  memoryReservationMiB?: number;
}
