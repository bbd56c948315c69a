import {
  KubernetesAuthProvidersApi,
  ServerSideKubernetesAuthProvider,
} from '@backstage/plugin-kubernetes-react';
import { KubernetesRequestBody } from '@backstage/plugin-kubernetes-common';
import { VSPHERE_SERVICE_ACCOUNT_AUTH_PROVIDER } from '@backstage-vsphere/plugin-vsphere-common';

/**
 * Backstage's own auth providers plus `vsphereServiceAccount`, which the backend resolves (the
 * browser sends no credentials for it), as it does for `serviceAccount`. Legacy apps register it
 * as their `kubernetesAuthProvidersApiRef` factory around Backstage's `KubernetesAuthProviders`.
 *
 * @public
 */
export class VsphereKubernetesAuthProviders
  implements KubernetesAuthProvidersApi
{
  private readonly serverSide = new ServerSideKubernetesAuthProvider();

  constructor(private readonly defaults: KubernetesAuthProvidersApi) {}

  decorateRequestBodyForAuth(
    authProvider: string,
    requestBody: KubernetesRequestBody,
  ): Promise<KubernetesRequestBody> {
    return authProvider === VSPHERE_SERVICE_ACCOUNT_AUTH_PROVIDER
      ? this.serverSide.decorateRequestBodyForAuth(requestBody)
      : this.defaults.decorateRequestBodyForAuth(authProvider, requestBody);
  }

  getCredentials(authProvider: string): Promise<{ token?: string }> {
    return authProvider === VSPHERE_SERVICE_ACCOUNT_AUTH_PROVIDER
      ? this.serverSide.getCredentials()
      : this.defaults.getCredentials(authProvider);
  }
}
