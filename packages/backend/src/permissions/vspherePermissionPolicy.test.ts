import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  vsphereEntityReadPermission,
  vsphereNodePoolScalePermission,
  vsphereVmPowerPermission,
} from '@backstage-vsphere/plugin-vsphere-common';
import { VspherePermissionPolicy } from './vspherePermissionPolicy';

const user = {
  identity: {
    type: 'user' as const,
    userEntityRef: 'user:default/guest',
    ownershipEntityRefs: ['user:default/guest', 'group:default/guests'],
  },
  info: {
    userEntityRef: 'user:default/guest',
    ownershipEntityRefs: ['user:default/guest', 'group:default/guests'],
  },
  credentials: {} as any,
  token: 'token',
};

describe('VspherePermissionPolicy', () => {
  const policy = new VspherePermissionPolicy();

  it('lets everyone view vSphere resources', async () => {
    await expect(
      policy.handle({ permission: vsphereEntityReadPermission }, user),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it.each([vsphereNodePoolScalePermission, vsphereVmPowerPermission])(
    'lets only the owners of the entity use %s',
    async permission => {
      const decision = await policy.handle({ permission }, user);
      expect(decision).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: {
            claims: ['user:default/guest', 'group:default/guests'],
          },
        },
      });
    },
  );
});
