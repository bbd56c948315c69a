import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { vsphereProvisioningPermissions } from '@backstage-vsphere/plugin-vsphere-common';
import {
  VsphereClients,
  vsphereClientsServiceRef,
} from '@backstage-vsphere/plugin-vsphere-node';
import { scaffolderModuleVsphere } from './module';

describe('scaffolderModuleVsphere', () => {
  it('registers the eight vsphere actions and their permissions', async () => {
    const addActions = jest.fn();
    const permissionsRegistry = mockServices.permissionsRegistry.mock();

    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [
        scaffolderModuleVsphere,
        permissionsRegistry.factory,
        createServiceFactory({
          service: vsphereClientsServiceRef,
          deps: {},
          factory: () => new VsphereClients([], mockServices.logger.mock()),
        }),
        createServiceFactory({
          service: eventsServiceRef,
          deps: {},
          factory: () => ({ publish: jest.fn(), subscribe: jest.fn() }),
        }),
      ],
    });

    const ids = addActions.mock.calls.flat().map(action => action.id);
    expect(ids).toEqual([
      'vsphere:namespace:create',
      'vsphere:namespace:update',
      'vsphere:namespace:delete',
      'vsphere:vm:create',
      'vsphere:cluster:create',
      'vsphere:nodepool:create',
      'vsphere:nodepool:scale',
      'vsphere:nodepool:delete',
    ]);
    for (const action of addActions.mock.calls.flat()) {
      expect(action.supportsDryRun).toBe(true);
      expect(action.examples.length).toBeGreaterThan(0);
      expect(action.schema.input.properties).toBeDefined();
      expect(action.schema.output.properties).toBeDefined();
    }
    expect(permissionsRegistry.addPermissions).toHaveBeenCalledWith(
      vsphereProvisioningPermissions,
    );
  });
});
