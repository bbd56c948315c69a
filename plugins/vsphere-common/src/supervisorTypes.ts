/**
 * A Supervisor namespace as its Kubernetes API reports it.
 * @public
 */
export interface SupervisorKubernetesNamespace {
  name: string;
  /** `Active` or `Terminating`. */
  phase?: string;
  labels: Record<string, string>;
  createdAt?: string;
}

/**
 * A ResourceQuota of a Supervisor namespace: limits and what is used of them, as quantities.
 * @public
 */
export interface SupervisorResourceQuota {
  name: string;
  namespace: string;
  /** Limits by resource name, e.g. `limits.cpu: '20'`, `requests.storage: 200Gi`. */
  hard: Record<string, string>;
  used: Record<string, string>;
}

/**
 * One entry of a LimitRange: the defaults and bounds Kubernetes applies to each object of a type,
 * as quantities by resource name (e.g. `cpu: 500m`, `memory: 512Mi`, `storage: 50Gi`).
 * @public
 */
export interface SupervisorLimitRangeItem {
  /** `Container`, `Pod` or `PersistentVolumeClaim`. */
  type: string;
  /** The limit a container gets when it sets none. */
  default: Record<string, string>;
  /** The request a container gets when it sets none. */
  defaultRequest: Record<string, string>;
  min: Record<string, string>;
  max: Record<string, string>;
  /** How many times its request a limit may be. */
  maxLimitRequestRatio: Record<string, string>;
}

/**
 * A LimitRange of a Supervisor namespace.
 * @public
 */
export interface SupervisorLimitRange {
  name: string;
  namespace: string;
  limits: SupervisorLimitRangeItem[];
}

/**
 * A Kubernetes event in a Supervisor namespace.
 * @public
 */
export interface SupervisorEvent {
  name: string;
  namespace: string;
  /** `Normal` or `Warning`. */
  type?: string;
  reason?: string;
  message?: string;
  involvedObject: { kind?: string; name?: string; apiVersion?: string };
  count?: number;
  firstSeen?: string;
  lastSeen?: string;
}

/**
 * A VM class assigned to a Supervisor namespace (VM Service VirtualMachineClass).
 * @public
 */
export interface VmServiceVmClass {
  name: string;
  namespace: string;
  description?: string;
  cpus?: number;
  /** Memory as a Kubernetes quantity, e.g. `8Gi`. */
  memory?: string;
}

/**
 * A VM image a Supervisor namespace can use: a namespaced VirtualMachineImage or a
 * ClusterVirtualMachineImage.
 * @public
 */
export interface VmServiceImage {
  name: string;
  kind: 'VirtualMachineImage' | 'ClusterVirtualMachineImage';
  /** Set for namespaced images only. */
  namespace?: string;
  /** The content library item's name. */
  displayName?: string;
  osType?: string;
  osVersion?: string;
  productVersion?: string;
  ready: boolean;
}
