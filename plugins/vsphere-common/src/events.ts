/**
 * The events-service topic on which the vSphere scaffolder actions announce what they created or
 * changed; the catalog module ingests it at once and every backend replica re-reads its REST data.
 * @public
 */
export const VSPHERE_RESOURCE_CREATED_TOPIC = 'vsphere.resource.created';

/**
 * The payload of a {@link VSPHERE_RESOURCE_CREATED_TOPIC} event.
 * @public
 */
export interface VsphereResourceCreatedEvent {
  /** The configured vCenter name; may be left out when only one vCenter is configured. */
  vcenter?: string;
  /** What was created, e.g. `namespace`, `vm`, `cluster`, `nodepool`. */
  kind: string;
  /** The Supervisor namespace that holds (or is) the new object. */
  namespace: string;
  name?: string;
  /** The owner chosen in the template, as an entity ref, when one was given. */
  owner?: string;
}

/**
 * The signal channel of one Supervisor namespace; open pages of it listen there.
 * @public
 */
export function vsphereNamespaceChannel(target: {
  vcenter: string;
  supervisor: string;
  namespace: string;
}): string {
  return `vsphere:namespace:${target.vcenter}/${target.supervisor}/${target.namespace}`;
}

/**
 * What a page hears on {@link vsphereNamespaceChannel}: that the namespace changed, not how.
 * @public
 */
export interface VsphereInventoryChangedSignal {
  vcenter: string;
  supervisor: string;
  namespace: string;
  /** When the backend saw the change (ISO time). */
  at: string;
}
