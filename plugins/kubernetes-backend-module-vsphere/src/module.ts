import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { kubernetesAuthStrategyExtensionPoint } from '@backstage/plugin-kubernetes-node';
import { VSPHERE_SERVICE_ACCOUNT_AUTH_PROVIDER } from '@backstage-vsphere/plugin-vsphere-common';
import { VsphereServiceAccountStrategy } from './VsphereServiceAccountStrategy';

/**
 * Adds the `vsphereServiceAccount` auth provider to Backstage's Kubernetes plugin, next to its
 * own ones: the catalog cluster locator finds our `kubernetes-cluster` entities (URL and pinned
 * CA from their annotations) and this strategy supplies each cluster's read-only token.
 *
 * @public
 */
export const kubernetesModuleVsphereAuth = createBackendModule({
  pluginId: 'kubernetes',
  moduleId: 'vsphere-auth',
  register(reg) {
    reg.registerInit({
      deps: {
        authStrategies: kubernetesAuthStrategyExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ authStrategies, config }) {
        authStrategies.addAuthStrategy(
          VSPHERE_SERVICE_ACCOUNT_AUTH_PROVIDER,
          VsphereServiceAccountStrategy.fromConfig(config),
        );
      },
    });
  },
});
