import { VsphereResourceCreatedEvent } from '@backstage-vsphere/plugin-vsphere-common';

export {
  VSPHERE_RESOURCE_CREATED_TOPIC,
  type VsphereResourceCreatedEvent,
} from '@backstage-vsphere/plugin-vsphere-common';

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
