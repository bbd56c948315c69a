import {
  ApiBlueprint,
  createFrontendModule,
  gitlabAuthApiRef,
  googleAuthApiRef,
  microsoftAuthApiRef,
  oktaAuthApiRef,
  oneloginAuthApiRef,
} from '@backstage/frontend-plugin-api';
import {
  KubernetesAuthProviders,
  kubernetesAuthProvidersApiRef,
} from '@backstage/plugin-kubernetes-react';
import { VsphereKubernetesAuthProviders } from './VsphereKubernetesAuthProviders';

// replaces the Kubernetes plugin's auth-providers API with the same providers plus ours
const authProviders = ApiBlueprint.make({
  name: 'auth-providers',
  params: defineParams =>
    defineParams({
      api: kubernetesAuthProvidersApiRef,
      deps: {
        gitlabAuthApi: gitlabAuthApiRef,
        googleAuthApi: googleAuthApiRef,
        microsoftAuthApi: microsoftAuthApiRef,
        oktaAuthApi: oktaAuthApiRef,
        oneloginAuthApi: oneloginAuthApiRef,
      },
      factory: ({
        gitlabAuthApi,
        googleAuthApi,
        microsoftAuthApi,
        oktaAuthApi,
        oneloginAuthApi,
      }) =>
        new VsphereKubernetesAuthProviders(
          new KubernetesAuthProviders({
            microsoftAuthApi,
            googleAuthApi,
            oidcProviders: {
              gitlab: gitlabAuthApi,
              google: googleAuthApi,
              microsoft: microsoftAuthApi,
              okta: oktaAuthApi,
              onelogin: oneloginAuthApi,
            },
          }),
        ),
    }),
});

/**
 * Installs {@link VsphereKubernetesAuthProviders} as the Kubernetes plugin's auth providers API.
 *
 * @public
 */
export const kubernetesModuleVsphereAuth = createFrontendModule({
  pluginId: 'kubernetes',
  extensions: [authProviders],
});
