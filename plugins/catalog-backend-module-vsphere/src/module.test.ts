import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModuleVsphereEntityProvider } from './module';
import { VsphereEntityProvider } from './provider/VsphereEntityProvider';

const vcenter = (name: string) => ({
  name,
  url: `https://${name}.example.com`,
  username: 'reader@vsphere.local',
  password: 'secret',
  supervisors: [
    {
      name: 'sv1',
      cluster: 'domain-c8',
      url: 'https://10.0.0.10:6443',
      token: 'token',
    },
  ],
});

describe('catalogModuleVsphereEntityProvider', () => {
  it('registers one entity provider per configured vCenter', async () => {
    const addEntityProvider = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [catalogProcessingExtensionPoint, { addEntityProvider }],
      ],
      features: [
        catalogModuleVsphereEntityProvider,
        mockServices.rootConfig.factory({
          data: {
            vsphere: { vcenters: [vcenter('vc-east'), vcenter('vc-west')] },
          },
        }),
      ],
    });
    expect(addEntityProvider).toHaveBeenCalledTimes(1);
    const providers: VsphereEntityProvider[] =
      addEntityProvider.mock.calls[0][0];
    expect(providers.map(p => p.getProviderName())).toEqual([
      'vsphere-entity-provider:vc-east',
      'vsphere-entity-provider:vc-west',
    ]);
  });

  it('stops the backend with the key of a wrong catalog setting', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [
          [catalogProcessingExtensionPoint, { addEntityProvider: jest.fn() }],
        ],
        features: [
          catalogModuleVsphereEntityProvider,
          mockServices.rootConfig.factory({
            data: {
              vsphere: {
                vcenters: [vcenter('vc-east')],
                catalog: { system: 'not a/valid/ref' },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow("Invalid config at 'vsphere.catalog.system'");
  });
});
