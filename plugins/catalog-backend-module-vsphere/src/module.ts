import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  inventorySnapshotServiceRef,
  vsphereClientsServiceRef,
} from '@backstage-vsphere/plugin-vsphere-node';
import { readCatalogConfig } from './config';
import { vcenterSources } from './inventory/sources';
import { VsphereEntityProvider } from './provider/VsphereEntityProvider';

/**
 * Catalog module that ingests vCenter and Supervisor inventory as Resource entities: one
 * provider per configured vCenter, run on the `vsphere.catalog.schedule`.
 *
 * @public
 */
export const catalogModuleVsphereEntityProvider = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'vsphere-entity-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        events: eventsServiceRef,
        clients: vsphereClientsServiceRef,
        snapshot: inventorySnapshotServiceRef,
      },
      async init({
        catalog,
        config,
        logger,
        scheduler,
        events,
        clients,
        snapshot,
      }) {
        const catalogConfig = readCatalogConfig(config);
        const providers = clients.configs.map(vcenter =>
          VsphereEntityProvider.create({
            vcenter,
            config: catalogConfig,
            sources: vcenterSources(clients, vcenter.name),
            logger,
            taskRunner: scheduler.createScheduledTaskRunner(
              catalogConfig.schedule,
            ),
            events,
            snapshot,
            vcenterCount: clients.configs.length,
          }),
        );
        catalog.addEntityProvider(providers);
        logger.info(
          `vSphere entity provider configured for ${providers.length} vCenter(s)`,
        );
      },
    });
  },
});
