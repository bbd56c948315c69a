import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { readVsphereConfig } from '../config';
import { VsphereClients } from './VsphereClients';

/**
 * The process-wide vSphere clients. Root-scoped, so the backend plugin, the catalog module
 * and the scaffolder module share one session per vCenter; logged out at shutdown.
 * @public
 */
export const vsphereClientsServiceRef = createServiceRef<VsphereClients>({
  id: 'vsphere.clients',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.rootLogger,
        lifecycle: coreServices.rootLifecycle,
      },
      factory({ config, logger, lifecycle }) {
        // read once at start-up so a wrong key stops the backend with a message naming it
        const clients = new VsphereClients(
          readVsphereConfig(config),
          logger.child({ plugin: 'vsphere' }),
        );
        lifecycle.addShutdownHook(() => clients.close());
        return clients;
      },
    }),
});
