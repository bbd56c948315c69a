import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import { readDurationFromConfig } from '@backstage/config';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { vspherePermissions } from '@backstage-vsphere/plugin-vsphere-common';
import {
  VsphereChangeAuthorizer,
  vsphereClientsServiceRef,
} from '@backstage-vsphere/plugin-vsphere-node';
import { CachedVsphereInventory } from './inventory/CachedVsphereInventory';
import { createRouter } from './router';
import { createInsightsRouter } from './insights/insightsRouter';
import { readMonitoringLinks } from '@backstage-vsphere/plugin-vsphere-node';

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
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        cache: coreServices.cache,
        catalog: catalogServiceRef,
        clients: vsphereClientsServiceRef,
      },
      async init(deps) {
        const { config, permissionsRegistry, clients } = deps;
        permissionsRegistry.addPermissions(vspherePermissions);
        const duration = (key: string, fallbackMs: number) =>
          config.has(key)
            ? durationToMilliseconds(readDurationFromConfig(config, { key }))
            : fallbackMs;
        const inventory = new CachedVsphereInventory(clients, deps.cache, {
          ttlMs: duration('vsphere.cacheTtl', 15_000),
          sourceDeadlineMs: duration('vsphere.sourceDeadline', 4_000),
          logger: deps.logger,
        });
        const authorizer = new VsphereChangeAuthorizer({
          catalog: deps.catalog,
          permissions: deps.permissions,
          vcenters: clients.configs,
        });
        deps.httpRouter.use(
          await createRouter({ ...deps, inventory, authorizer }),
        );
        deps.httpRouter.use(
          await createInsightsRouter({
            ...deps,
            inventory,
            monitoringLinks: readMonitoringLinks(config),
          }),
        );
      },
    });
  },
});
