import { Entity } from '@backstage/catalog-model';

/**
 * Names the Supervisor namespace behind an entity; its presence shows the vSphere tab.
 * @public
 */
export const ANNOTATION_SUPERVISOR_NAMESPACE =
  'vsphere.vmware.com/supervisor-namespace';

/**
 * Names the vCenter (as configured under `vsphere.vcenters[].name`); optional with one vCenter.
 * @public
 */
export const ANNOTATION_VCENTER = 'vsphere.vmware.com/vcenter';

/**
 * A Kubernetes label selector that narrows the VMs shown for an entity.
 * @public
 */
export const ANNOTATION_VM_SELECTOR = 'vsphere.vmware.com/vm-selector';

/**
 * Narrows the clusters shown for an entity to one cluster name.
 * @public
 */
export const ANNOTATION_CLUSTER = 'vsphere.vmware.com/cluster';

/**
 * Names the VM Service VirtualMachine behind a `virtual-machine` Resource entity.
 * @public
 */
export const ANNOTATION_VM = 'vsphere.vmware.com/vm';

/**
 * The vCenter managed object id (e.g. `vm-42`, `domain-c8`) behind an ingested Resource entity.
 * @public
 */
export const ANNOTATION_MOREF = 'vsphere.vmware.com/moref';

/**
 * The Supervisor (as configured under `vsphere.vcenters[].supervisors[].name`) of an ingested Resource entity.
 * @public
 */
export const ANNOTATION_SUPERVISOR = 'vsphere.vmware.com/supervisor';

/**
 * On the catalog module's VM and cluster entities: the owner of their Supervisor namespace (from
 * vCenter), so that a permission policy can let a namespace's owners change what is in it with
 * the catalog's own `HAS_ANNOTATION` condition.
 * @public
 */
export const ANNOTATION_NAMESPACE_OWNER = 'vsphere.vmware.com/namespace-owner';

/**
 * Label or annotation on a Supervisor namespace, VM or cluster that names its catalog owner: a
 * label holds a group name, an annotation any entity ref. The scaffolder actions write it and the
 * catalog provider reads it.
 * @public
 */
export const SUPERVISOR_OWNER_KEY = 'backstage.io/owner';

/**
 * Label or annotation on a Supervisor namespace that names its catalog System.
 * @public
 */
export const SUPERVISOR_SYSTEM_KEY = 'backstage.io/system';

/**
 * What an entity's annotations ask the vSphere views to show.
 * @public
 */
export interface VsphereEntityTarget {
  namespace: string;
  vcenter?: string;
  /** The Supervisor by its configured name; needed when the vCenter has several. */
  supervisor?: string;
  vmSelector?: string;
  cluster?: string;
  vm?: string;
}

/**
 * True when the entity carries the Supervisor namespace annotation.
 * @public
 */
export function isVsphereAvailable(entity: Entity): boolean {
  return Boolean(
    entity.metadata.annotations?.[ANNOTATION_SUPERVISOR_NAMESPACE]?.trim(),
  );
}

/**
 * Reads the vSphere annotations of an entity, or undefined when it has no namespace annotation.
 * @public
 */
export function getVsphereEntityTarget(
  entity: Entity,
): VsphereEntityTarget | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const namespace = annotations[ANNOTATION_SUPERVISOR_NAMESPACE]?.trim();
  if (!namespace) {
    return undefined;
  }
  const optional = (key: string) => annotations[key]?.trim() || undefined;
  return {
    namespace,
    vcenter: optional(ANNOTATION_VCENTER),
    supervisor: optional(ANNOTATION_SUPERVISOR),
    vmSelector: optional(ANNOTATION_VM_SELECTOR),
    cluster: optional(ANNOTATION_CLUSTER),
    vm: optional(ANNOTATION_VM),
  };
}

/**
 * The ClusterClass `vsphere:cluster:create` uses, and the Kubernetes version picker narrows by,
 * when a template names none: the one vSphere Kubernetes Service provides in every namespace.
 * @public
 */
export const DEFAULT_CLUSTER_CLASS = 'tanzukubernetescluster';

/**
 * The most replicas a node pool may be scaled to from the portal and templates.
 * @public
 */
export const MAX_NODE_POOL_REPLICAS = 100;
