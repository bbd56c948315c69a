import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { durationToMilliseconds } from '@backstage/types';
import { readDurationFromConfig } from '@backstage/config';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { vspherePermissions } from '@backstage-vsphere/plugin-vsphere-common';
import {
  VsphereChangeAuthorizer,
  inventorySnapshotServiceRef,
  vsphereClientsServiceRef,
} from '@backstage-vsphere/plugin-vsphere-node';
import { registerVsphereActions } from './actions';
import { CachedPickerOptions } from './inventory/CachedPickerOptions';
import { SnapshotVsphereInventory } from './inventory/SnapshotVsphereInventory';
import { SourceFailureLog } from './inventory/SourceFailureLog';
import { publishInventoryChanges } from './inventory/publishInventoryChanges';
import { refreshAfterOwnChanges } from './inventory/refreshAfterOwnChanges';
import { createRouter } from './router';
import { VsphereEntityService } from './service/VsphereEntityService';
import { CallerPageAccess } from './service/CallerPageAccess';
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
        snapshot: inventorySnapshotServiceRef,
        signals: signalsServiceRef,
        events: eventsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { config, permissionsRegistry, clients, snapshot } = deps;
        permissionsRegistry.addPermissions(vspherePermissions);
        const duration = (key: string, fallbackMs: number) =>
          config.has(key)
            ? durationToMilliseconds(readDurationFromConfig(config, { key }))
            : fallbackMs;
        const inventory = new SnapshotVsphereInventory(
          clients,
          snapshot,
          new CachedPickerOptions(clients, deps.cache, {
            ttlMs: duration('vsphere.cacheTtl', 15_000),
          }),
          new SourceFailureLog(deps.logger),
        );
        publishInventoryChanges(snapshot, deps.signals, deps.logger);
        await refreshAfterOwnChanges(deps.events, snapshot, deps.logger);
        const authorizer = new VsphereChangeAuthorizer({
          catalog: deps.catalog,
          permissions: deps.permissions,
          vcenters: clients.configs,
        });
        // the routes and the actions registry (MCP) share one service: same checks, same audit
        const service = new VsphereEntityService({
          ...deps,
          inventory,
          authorizer,
          pageAccess: new CallerPageAccess({
            ttlMs: duration('vsphere.pageAccessTtl', 2_000),
          }),
        });
        registerVsphereActions(deps.actionsRegistry, service);
        deps.httpRouter.use(
          await createRouter({ ...deps, inventory, authorizer, service }),
        );
        deps.httpRouter.use(
          await createInsightsRouter({
            ...deps,
            inventory,
            service,
            monitoringLinks: readMonitoringLinks(config),
          }),
        );
      },
    });
  },
});
