/**
 * The events-service topic on which the vSphere scaffolder actions announce what they created.
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
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** The event's payload when it names a valid namespace, else undefined. */
export function parseResourceCreatedEvent(
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
