import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { vsphereProvisioningPermissions } from '@backstage-vsphere/plugin-vsphere-common';
import { vsphereClientsServiceRef } from '@backstage-vsphere/plugin-vsphere-node';
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
      },
      async init({ scaffolder, permissionsRegistry, ...options }) {
        permissionsRegistry.addPermissions(vsphereProvisioningPermissions);
        scaffolder.addActions(...createVsphereActions(options));
      },
    });
  },
});
