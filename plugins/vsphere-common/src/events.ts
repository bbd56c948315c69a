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

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * Reads a {@link VSPHERE_RESOURCE_CREATED_TOPIC} payload; undefined unless it names a valid
 * namespace, so a subscriber never acts on a malformed event.
 * @public
 */
export function parseVsphereResourceCreatedEvent(
  payload: unknown,
): VsphereResourceCreatedEvent | undefined {
  if (!payload || typeof payload !== 'object') {
    return undefined;
  }
  const fields = payload as Record<string, unknown>;
  const kind = optionalString(fields.kind) ?? 'unknown';
  const name = optionalString(fields.name);
  // a new namespace may be named by `name` alone
  const namespace =
    optionalString(fields.namespace) ??
    (kind === 'namespace' ? name : undefined);
  if (!namespace || !DNS_LABEL.test(namespace)) {
    return undefined;
  }
  const event: VsphereResourceCreatedEvent = { kind, namespace };
  const vcenter = optionalString(fields.vcenter);
  if (vcenter) event.vcenter = vcenter;
  if (name) event.name = name;
  return event;
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
