import { LoggerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  VsphereInventoryChangedSignal,
  vsphereNamespaceChannel,
} from '@backstage-vsphere/plugin-vsphere-common';
import { InventorySnapshot } from '@backstage-vsphere/plugin-vsphere-node';

/**
 * Tells open pages which namespace changed, so they read their overview again. The signal
 * carries names only, never data: each page re-reads with its own permissions.
 */
export function publishInventoryChanges(
  snapshot: InventorySnapshot,
  signals: SignalsService,
  logger: LoggerService,
): () => void {
  return snapshot.subscribe(change => {
    // Kubernetes events alone change often and little: open pages are not re-read for them
    if (change.kinds.every(kind => kind === 'Event')) return;
    const message: VsphereInventoryChangedSignal = {
      vcenter: change.vcenter,
      supervisor: change.supervisor,
      namespace: change.namespace,
      at: new Date().toISOString(),
    };
    signals
      .publish({
        recipients: { type: 'broadcast' },
        channel: vsphereNamespaceChannel(change),
        message: { ...message },
      })
      .catch(error =>
        logger.debug(`Could not signal an inventory change: ${error}`),
      );
  });
}
