import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  vsphereNamespaceCreatePermission,
  vsphereNodePoolScalePermission,
} from '@backstage-vsphere/plugin-vsphere-common';
import { actorOf, authorizeInitiator } from './guard';

describe('authorizeInitiator', () => {
  const credentials = mockCredentials.user('user:default/alice');

  it('asks about a basic permission without a resource and about a resource permission with the entity', async () => {
    const permissions = mockServices.permissions.mock();
    permissions.authorize.mockResolvedValue([
      { result: AuthorizeResult.ALLOW },
    ]);

    await authorizeInitiator({
      permissions,
      credentials,
      permission: vsphereNamespaceCreatePermission,
      what: "create Supervisor namespace 'a'",
    });
    await authorizeInitiator({
      permissions,
      credentials,
      permission: vsphereNodePoolScalePermission,
      resourceRef: 'resource:default/demo-c1',
      what: "scale node pool 'p' of cluster 'c1'",
    });

    expect(permissions.authorize.mock.calls).toEqual([
      [[{ permission: vsphereNamespaceCreatePermission }], { credentials }],
      [
        [
          {
            permission: vsphereNodePoolScalePermission,
            resourceRef: 'resource:default/demo-c1',
          },
        ],
        { credentials },
      ],
    ]);
  });

  it('refuses naming the permission and the entity', async () => {
    const permissions = mockServices.permissions.mock();
    permissions.authorize.mockResolvedValue([{ result: AuthorizeResult.DENY }]);

    await expect(
      authorizeInitiator({
        permissions,
        credentials,
        permission: vsphereNodePoolScalePermission,
        resourceRef: 'resource:default/demo-c1',
        what: "scale node pool 'p' of cluster 'c1'",
      }),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        "Not allowed to scale node pool 'p' of cluster 'c1': the permission policy denies 'vsphere.nodepool.scale' on resource:default/demo-c1",
    });
  });

  it('names the actor of audit events', () => {
    expect(actorOf(credentials)).toBe('user:default/alice');
    expect(actorOf(mockCredentials.service('plugin:catalog'))).toBe(
      'plugin:catalog',
    );
  });
});
