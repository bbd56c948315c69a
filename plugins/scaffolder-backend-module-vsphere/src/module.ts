import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readVsphereConfig } from '@backstage-vsphere/plugin-vsphere-node';

/**
 * Scaffolder module with the `vsphere:*` actions.
 *
 * @public
 */
export const scaffolderModuleVsphere = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'vsphere',
  register(reg) {
    reg.registerInit({
      deps: { config: coreServices.rootConfig, logger: coreServices.logger },
      async init({ config, logger }) {
        const vcenters = readVsphereConfig(config);
        logger.info(
          `vSphere scaffolder actions configured for ${vcenters.length} vCenter(s)`,
        );
      },
    });
  },
});
