import { KubernetesAuthProvidersApi } from '@backstage/plugin-kubernetes-react';
import { VsphereKubernetesAuthProviders } from './VsphereKubernetesAuthProviders';

const body = {
  entity: {
    apiVersion: 'v1',
    kind: 'Component',
    metadata: { name: 'demo-web' },
  },
};

describe('VsphereKubernetesAuthProviders', () => {
  const defaults: jest.Mocked<KubernetesAuthProvidersApi> = {
    decorateRequestBodyForAuth: jest.fn(async (_p, b) => ({
      ...b,
      auth: { oidc: { okta: 'user-token' } },
    })),
    getCredentials: jest.fn(async (_p: string) => ({ token: 'user-token' })),
  };
  const providers = new VsphereKubernetesAuthProviders(defaults);
  afterEach(() => jest.clearAllMocks());

  it('sends no browser credentials for vsphereServiceAccount: the backend holds the token', async () => {
    await expect(
      providers.decorateRequestBodyForAuth('vsphereServiceAccount', body),
    ).resolves.toEqual(body);
    await expect(
      providers.getCredentials('vsphereServiceAccount'),
    ).resolves.toEqual({});
    expect(defaults.decorateRequestBodyForAuth).not.toHaveBeenCalled();
    expect(defaults.getCredentials).not.toHaveBeenCalled();
  });

  it("leaves every other provider to Backstage's own", async () => {
    await expect(
      providers.decorateRequestBodyForAuth('oidc.okta', body),
    ).resolves.toEqual({ ...body, auth: { oidc: { okta: 'user-token' } } });
    await expect(providers.getCredentials('oidc.okta')).resolves.toEqual({
      token: 'user-token',
    });
    expect(defaults.decorateRequestBodyForAuth).toHaveBeenCalledWith(
      'oidc.okta',
      body,
    );
  });
});
