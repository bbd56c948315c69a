import { SupervisorLimitRangeItem } from './supervisorTypes';
import { VmServiceVm, WorkloadCluster } from './types';

/**
 * Used against a limit; both in the same unit. A missing limit means unlimited.
 * @public
 */
export interface QuotaUsage {
  used?: number;
  limit?: number;
  unit: 'MHz' | 'MiB';
}

/**
 * A VM class a namespace may use, with what it reserves on the hosts: `guaranteed` reserves all
 * its CPU and memory, `best-effort` none, `partial` some; `unknown` when vCenter does not list it.
 * @public
 */
export interface NamespaceVmClass {
  name: string;
  cpus?: number;
  memoryMiB?: number;
  /** Percent of the class's CPU reserved. */
  cpuReservationPercent?: number;
  /** Percent of the class's memory reserved. */
  memoryReservationPercent?: number;
  /** Memory a VM of the class holds on its host whatever the load. */
  memoryReservedMiB?: number;
  reservation: 'guaranteed' | 'best-effort' | 'partial' | 'unknown';
  description?: string;
}

/**
 * A Supervisor namespace as the entity page shows it.
 * @public
 */
export interface NamespaceOverview {
  name: string;
  /** CONFIGURING | REMOVING | RUNNING | ERROR, as vCenter reports it. */
  configStatus: string;
  description?: string;
  messages: string[];
  quota: { cpu: QuotaUsage; memory: QuotaUsage; storage: QuotaUsage };
  storagePolicies: { id: string; name?: string; limitMiB?: number }[];
  vmClasses: string[];
  /** The namespace's VM classes with size and reservations, as vCenter defines them. */
  vmClassDetails: NamespaceVmClass[];
  /** With the settings vCenter reports for the VM Image Service (v2 API). */
  contentLibraries: {
    id: string;
    name?: string;
    writable?: boolean;
    allowImport?: boolean;
  }[];
  /** vSphere zones the namespace is placed in; unset where vCenter does not report zones (before vSphere 9). */
  zones?: { name: string; type?: string }[];
  /** Created by a developer through namespace self-service. */
  selfService?: boolean;
  /** The network provider, e.g. `NSX_VPC`, and the VPC's NSX path, where vCenter reports them. */
  network?: { provider: string; vpc?: string };
  /** Kubernetes ResourceQuota hard/used, by resource name. */
  resourceQuotas: {
    name: string;
    hard: Record<string, string>;
    used: Record<string, string>;
  }[];
  /** Kubernetes LimitRanges: per container, pod or claim defaults and bounds. */
  limitRanges: { name: string; limits: SupervisorLimitRangeItem[] }[];
}

/**
 * A recent Kubernetes event in the namespace.
 * @public
 */
export interface NamespaceEvent {
  type: string;
  reason?: string;
  message?: string;
  object: string;
  count?: number;
  lastSeen?: string;
}

/**
 * One upstream that could not be read in time; the rest of the page still shows.
 * @public
 */
export interface SourceError {
  /** e.g. `vcenter:testenv` or `supervisor:testenv/supervisor`. */
  source: string;
  /** The error class name, e.g. ServiceUnavailableError. */
  name: string;
  message: string;
}

/**
 * How an upstream feeds the inventory: `syncing` until its first full read, `live` while it
 * delivers updates or keep-alives within its deadline, `stale` when it stopped (its last data is
 * still shown, marked with its age), `failed` when it never delivered.
 * @public
 */
export interface SourceStatus {
  /** e.g. `vcenter:testenv` or `supervisor:testenv/supervisor`. */
  source: string;
  state: 'syncing' | 'live' | 'stale' | 'failed';
  /** The last update or keep-alive received (ISO time). */
  lastSyncedAt?: string;
  /** Why the source is stale or failed, safe to show. */
  reason?: string;
  /** The class name of the error that failed it, e.g. ServiceUnavailableError. */
  errorName?: string;
}

/**
 * Everything the vSphere tab shows for one catalog entity.
 * @public
 */
export interface EntityOverview {
  entityRef: string;
  vcenter: string;
  supervisor?: string;
  namespace?: NamespaceOverview;
  vms: VmServiceVm[];
  clusters: WorkloadCluster[];
  events: NamespaceEvent[];
  links: {
    /** The namespace in the vSphere Client. */
    vsphereClient?: string;
    /** `kubectl vsphere login ...` for this namespace. */
    kubectlLogin?: string;
  };
  /**
   * What the caller may change here, each checked on the object's own catalog entity, so the
   * page shows only the buttons that would be allowed: names of clusters whose node pools may be
   * scaled, and of VMs that may be powered.
   */
  allowed: { scaleClusters: string[]; powerVms: string[] };
  errors: SourceError[];
  /** The state of each upstream this view reads, so stale data is never shown as live. */
  sources: SourceStatus[];
  /** When the view was built (ISO time). */
  fetchedAt: string;
}

/**
 * One option of a scaffolder picker.
 * @public
 */
export interface PickerOption {
  value: string;
  label: string;
  description?: string;
}

/**
 * The kinds of picker option lists the backend serves.
 * @public
 */
export type PickerKind =
  | 'vcenters'
  | 'supervisors'
  | 'namespaces'
  | 'storage-policies'
  | 'vm-classes'
  | 'images'
  | 'content-libraries'
  | 'clusters'
  | 'node-pools'
  | 'kubernetes-versions'
  | 'zones';

/**
 * Power actions on a VM Service VM.
 * @public
 */
export type VmPowerAction = 'on' | 'off' | 'restart';
