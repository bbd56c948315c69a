import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { vsphereClientsServiceRef } from '../service/vsphereClientsServiceRef';
import { InventorySnapshot } from './InventorySnapshot';

function optionalMs(config: Config, key: string): number | undefined {
  return config.has(key)
    ? durationToMilliseconds(readDurationFromConfig(config, { key }))
    : undefined;
}

/**
 * The process-wide inventory snapshot, root-scoped so the backend plugin and the catalog module
 * read one set of watches; feeds start on first use and stop at shutdown.
 * @public
 */
export const inventorySnapshotServiceRef = createServiceRef<InventorySnapshot>({
  id: 'vsphere.inventory',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.rootLogger,
        lifecycle: coreServices.rootLifecycle,
        clients: vsphereClientsServiceRef,
      },
      factory({ config, logger, lifecycle, clients }) {
        const maxWaitMs = optionalMs(
          config,
          'vsphere.inventory.vcenterMaxWait',
        );
        const snapshot = new InventorySnapshot(clients, {
          logger: logger.child({ plugin: 'vsphere' }),
          supervisorDeadlineMs: optionalMs(
            config,
            'vsphere.inventory.supervisorDeadline',
          ),
          vcenterMaxWaitSeconds:
            maxWaitMs === undefined
              ? undefined
              : Math.max(1, Math.round(maxWaitMs / 1000)),
          restIntervalMs: optionalMs(config, 'vsphere.inventory.restInterval'),
          firstReadDeadlineMs: optionalMs(config, 'vsphere.sourceDeadline'),
        });
        lifecycle.addShutdownHook(() => snapshot.stop());
        return snapshot;
      },
    }),
});
