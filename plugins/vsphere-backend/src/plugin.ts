import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { vspherePermissions } from '@backstage-vsphere/plugin-vsphere-common';
import { readVsphereConfig } from '@backstage-vsphere/plugin-vsphere-node';
import { createRouter } from './router';

/**
 * The vsphere backend plugin: the REST API behind the vSphere entity pages and pickers.
 *
 * @public
 */
export const vspherePlugin = createBackendPlugin({
  pluginId: 'vsphere',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({ config, httpAuth, httpRouter, permissionsRegistry }) {
        // read once at start-up so a wrong key stops the backend with a message naming it
        const vcenters = readVsphereConfig(config);
        permissionsRegistry.addPermissions(vspherePermissions);
        httpRouter.use(await createRouter({ httpAuth, vcenters }));
      },
    });
  },
});
