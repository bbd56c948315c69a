import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';

/**
 * The topic the catalog module listens on to ingest a new object at once.
 * @public
 */
export const VSPHERE_RESOURCE_CREATED_TOPIC = 'vsphere.resource.created';

/**
 * The payload of a `vsphere.resource.created` event.
 * @public
 */
export interface VsphereResourceCreatedEvent {
  vcenter: string;
  kind: 'namespace' | 'vm' | 'cluster';
  /** The Supervisor namespace; for kind `namespace`, the same as `name`. */
  namespace: string;
  name: string;
  /** The owner chosen in the template, as an entity ref, when one was given. */
  owner?: string;
}

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
