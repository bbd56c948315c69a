import {
  KubernetesAuthProvidersApi,
  ServerSideKubernetesAuthProvider,
} from '@backstage/plugin-kubernetes-react';

type KubernetesRequestBody = Parameters<
  KubernetesAuthProvidersApi['decorateRequestBodyForAuth']
>[1];

/** The backend's name for our per-cluster read-only service accounts (packages/backend). */
export const VSPHERE_SERVICE_ACCOUNT_AUTH_PROVIDER = 'vsphereServiceAccount';

/**
 * Backstage's own auth providers plus `vsphereServiceAccount`, which the backend resolves (the
 * browser sends no credentials for it), as it does for `serviceAccount`.
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
