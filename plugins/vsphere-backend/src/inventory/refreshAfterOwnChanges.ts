import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import {
  parseVsphereResourceCreatedEvent,
  VSPHERE_RESOURCE_CREATED_TOPIC,
} from '@backstage-vsphere/plugin-vsphere-common';
import { InventorySnapshot } from '@backstage-vsphere/plugin-vsphere-node';

/**
 * vCenter's REST data has no watch: when a scaffolder action on any replica announces a change,
 * this replica reads that namespace again instead of waiting for the periodic read.
 */
export async function refreshAfterOwnChanges(
  events: EventsService,
  snapshot: InventorySnapshot,
  logger: LoggerService,
): Promise<void> {
  await events.subscribe({
    // an id of its own, so every replica refreshes, not only the catalog's subscriber
    id: 'vsphere-inventory-refresh',
    topics: [VSPHERE_RESOURCE_CREATED_TOPIC],
    async onEvent(params) {
      const event = parseVsphereResourceCreatedEvent(params.eventPayload);
      if (!event) return;
      await snapshot
        .refreshNamespace(event.vcenter, event.namespace)
        .catch(error =>
          logger.debug(
            `Could not refresh namespace ${event.namespace}: ${error}`,
          ),
        );
    },
  });
}
