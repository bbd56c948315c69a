import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { vsphereProvisioningPermissions } from '@backstage-vsphere/plugin-vsphere-common';
import {
  VsphereChangeAuthorizer,
  vsphereClientsServiceRef,
} from '@backstage-vsphere/plugin-vsphere-node';
import { createVsphereActions } from './actions';

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
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        clients: vsphereClientsServiceRef,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        events: eventsServiceRef,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
      },
      async init({
        scaffolder,
        permissionsRegistry,
        catalog,
        config,
        ...options
      }) {
        permissionsRegistry.addPermissions(vsphereProvisioningPermissions);
        const authorizer = new VsphereChangeAuthorizer({
          catalog,
          permissions: options.permissions,
          vcenters: options.clients.configs,
        });
        scaffolder.addActions(
          ...createVsphereActions({
            ...options,
            authorizer,
            overcommitWarnRatio: config.getOptionalNumber(
              'vsphere.insights.overcommitWarnRatio',
            ),
          }),
        );
      },
    });
  },
});
