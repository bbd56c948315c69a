import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { vsphereNamespaceCreatePermission } from '@backstage-vsphere/plugin-vsphere-common';
import { actorOf, authorizeInitiator } from './guard';

describe('authorizeInitiator', () => {
  const credentials = mockCredentials.user('user:default/alice');

  it('asks the policy about the basic permission with the initiator', async () => {
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
    expect(permissions.authorize.mock.calls).toEqual([
      [[{ permission: vsphereNamespaceCreatePermission }], { credentials }],
    ]);
  });

  it('refuses naming the permission', async () => {
    const permissions = mockServices.permissions.mock();
    permissions.authorize.mockResolvedValue([{ result: AuthorizeResult.DENY }]);
    await expect(
      authorizeInitiator({
        permissions,
        credentials,
        permission: vsphereNamespaceCreatePermission,
        what: "create Supervisor namespace 'a'",
      }),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        "Not allowed to create Supervisor namespace 'a': the permission policy denies 'vsphere.namespace.create'",
    });
  });

  it('names the actor of audit events', () => {
    expect(actorOf(credentials)).toBe('user:default/alice');
    expect(actorOf(mockCredentials.service('plugin:catalog'))).toBe(
      'plugin:catalog',
    );
  });
});
