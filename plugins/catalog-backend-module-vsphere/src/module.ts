import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readVsphereConfig } from '@backstage-vsphere/plugin-vsphere-node';

/**
 * Catalog module that ingests vCenter and Supervisor inventory as Resource entities.
 *
 * @public
 */
export const catalogModuleVsphereEntityProvider = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'vsphere-entity-provider',
  register(reg) {
    reg.registerInit({
      deps: { config: coreServices.rootConfig, logger: coreServices.logger },
      async init({ config, logger }) {
        const vcenters = readVsphereConfig(config);
        logger.info(
          `vSphere entity provider configured for ${vcenters.length} vCenter(s)`,
        );
      },
    });
  },
});
