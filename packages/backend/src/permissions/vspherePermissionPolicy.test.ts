import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  vsphereClusterCreatePermission,
  vsphereEntityReadPermission,
  vsphereNamespaceCreatePermission,
  vsphereNamespaceDeletePermission,
  vsphereNamespaceUpdatePermission,
  vsphereNodePoolCreatePermission,
  vsphereNodePoolDeletePermission,
  vsphereNodePoolScalePermission,
  vsphereVmCreatePermission,
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

  it('lets everyone create Supervisor namespaces', async () => {
    await expect(
      policy.handle({ permission: vsphereNamespaceCreatePermission }, user),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it.each([
    vsphereNodePoolScalePermission,
    vsphereNodePoolCreatePermission,
    vsphereNodePoolDeletePermission,
    vsphereVmPowerPermission,
    vsphereVmCreatePermission,
    vsphereClusterCreatePermission,
    vsphereNamespaceUpdatePermission,
    vsphereNamespaceDeletePermission,
  ])(
    'lets only the owners of the object or of its namespace use $name',
    async permission => {
      const decision = await policy.handle({ permission }, user);
      expect(decision).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          anyOf: [
            {
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: {
                claims: ['user:default/guest', 'group:default/guests'],
              },
            },
            ...['user:default/guest', 'group:default/guests'].map(value => ({
              rule: 'HAS_ANNOTATION',
              resourceType: 'catalog-entity',
              params: {
                annotation: 'vsphere.vmware.com/namespace-owner',
                value,
              },
            })),
          ],
        },
      });
    },
  );

  it('lets no one change anything without being signed in as an owner', async () => {
    const decision = await policy.handle({
      permission: vsphereNamespaceDeletePermission,
    });
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: {
        anyOf: [{ rule: 'IS_ENTITY_OWNER', params: { claims: [] } }],
      },
    });
  });
});
