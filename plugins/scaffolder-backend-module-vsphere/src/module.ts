import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { vsphereProvisioningPermissions } from '@backstage-vsphere/plugin-vsphere-common';
import {
  VsphereChangeAuthorizer,
  vsphereClientsServiceRef,
} from '@backstage-vsphere/plugin-vsphere-node';
import { createVsphereActions } from './actions';
import { VsphereTaskNotifier } from './notifications';

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
        notifications: notificationService,
        auth: coreServices.auth,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
      },
      async init({
        scaffolder,
        permissionsRegistry,
        catalog,
        notifications,
        auth,
        logger,
        config,
        ...options
      }) {
        permissionsRegistry.addPermissions(vsphereProvisioningPermissions);
        const authorizer = new VsphereChangeAuthorizer({
          catalog,
          permissions: options.permissions,
          vcenters: options.clients.configs,
        });
        const notifier = VsphereTaskNotifier.fromConfig(config, {
          notifications,
          catalog,
          auth,
          logger,
        });
        scaffolder.addActions(
          ...createVsphereActions({
            ...options,
            authorizer,
            notifier,
            overcommitWarnRatio: config.getOptionalNumber(
              'vsphere.insights.overcommitWarnRatio',
            ),
          }),
        );
      },
    });
  },
});
