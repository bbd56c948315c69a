import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import {
  VSPHERE_RESOURCE_CREATED_TOPIC,
  VsphereResourceCreatedEvent,
} from '@backstage-vsphere/plugin-vsphere-common';

/**
 * Tells the catalog about a new object. A failure only delays ingestion until the provider's
 * next refresh, so it is logged and not thrown.
 */
export async function publishCreated(
  events: EventsService | undefined,
  logger: LoggerService,
  payload: VsphereResourceCreatedEvent,
): Promise<void> {
  if (!events) {
    return;
  }
  try {
    await events.publish({
      topic: VSPHERE_RESOURCE_CREATED_TOPIC,
      eventPayload: { ...payload },
    });
  } catch (error) {
    logger.warn(
      `The catalog will show ${payload.kind} '${payload.name}' after its next refresh; publishing the event failed: ${error}`,
    );
  }
}

/** The event of a Supervisor namespace created, changed or deleted: the namespace names itself. */
export function namespaceEvent(
  vcenter: string,
  name: string,
  owner?: string,
): VsphereResourceCreatedEvent {
  return {
    vcenter,
    kind: 'namespace',
    namespace: name,
    name,
    ...(owner ? { owner } : {}),
  };
}
