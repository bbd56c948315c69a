import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  vsphereNodePoolScalePermission,
  vsphereVmPowerPermission,
} from '@backstage-vsphere/plugin-vsphere-common';
import { VCenterConfig } from '../config';
import { VsphereChangeAuthorizer } from './VsphereChangeAuthorizer';

const vcenter = {
  name: 'testenv',
  url: 'https://127.0.0.1:18443',
} as VCenterConfig;
const credentials = mockCredentials.user('user:default/guest');
const cluster = {
  kind: 'cluster' as const,
  vcenter: 'testenv',
  namespace: 'demo',
  name: 'demo-cluster',
};

function clusterEntity(overrides: {
  name?: string;
  location?: string;
  cluster?: string;
}): Entity {
  const location = overrides.location ?? 'url:https://127.0.0.1:18443';
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: overrides.name ?? 'demo.cluster.demo-cluster',
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': location,
        'vsphere.vmware.com/vcenter': 'testenv',
        'vsphere.vmware.com/supervisor-namespace': 'demo',
        'vsphere.vmware.com/cluster': overrides.cluster ?? 'demo-cluster',
      },
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/team-a' },
  };
}

function authorizerWith(
  entities: Entity[],
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockImplementation(async requests =>
    requests.map(() => ({ result })),
  );
  const authorizer = new VsphereChangeAuthorizer({
    catalog: catalogServiceMock({ entities }),
    permissions,
    vcenters: [vcenter],
  });
  return { authorizer, permissions };
}

const scale = {
  object: cluster,
  permission: vsphereNodePoolScalePermission,
  credentials,
  what: "scale node pool 'workers' of cluster 'demo-cluster'",
};

describe('VsphereChangeAuthorizer', () => {
  it("asks the policy about the object's own entity with the caller's credentials", async () => {
    const { authorizer, permissions } = authorizerWith([clusterEntity({})]);
    await expect(authorizer.authorize(scale)).resolves.toMatchObject({
      entityRef: 'resource:default/demo.cluster.demo-cluster',
    });
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: vsphereNodePoolScalePermission,
          resourceRef: 'resource:default/demo.cluster.demo-cluster',
        },
      ],
      { credentials },
    );
  });

  it('refuses when the policy denies, naming the permission and the entity', async () => {
    const { authorizer } = authorizerWith(
      [clusterEntity({})],
      AuthorizeResult.DENY,
    );
    await expect(authorizer.authorize(scale)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        "Not allowed to scale node pool 'workers' of cluster 'demo-cluster': the permission policy denies 'vsphere.nodepool.scale' on resource:default/demo.cluster.demo-cluster",
    });
  });

  it('refuses an object the catalog has not ingested yet instead of allowing it', async () => {
    const { authorizer, permissions } = authorizerWith([]);
    await expect(authorizer.authorize(scale)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining(
        "cluster 'demo-cluster' in namespace 'demo' has no catalog entity (resource:default/demo.cluster.demo-cluster) yet",
      ),
    });
    expect(permissions.authorize).not.toHaveBeenCalled();
  });

  it('does not trust an entity of that name from a catalog-info file', async () => {
    const { authorizer, permissions } = authorizerWith([
      clusterEntity({
        location: 'url:https://git.example.com/catalog-info.yaml',
      }),
    ]);
    await expect(authorizer.authorize(scale)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining(
        'is not the entity the catalog module ingested',
      ),
    });
    expect(permissions.authorize).not.toHaveBeenCalled();
  });

  it('lists only the objects whose ingested entity the policy allows', async () => {
    const other = { ...cluster, name: 'other' };
    const { authorizer, permissions } = authorizerWith([
      clusterEntity({}),
      clusterEntity({ name: 'demo.cluster.other', cluster: 'other' }),
    ]);
    permissions.authorize.mockResolvedValue([
      { result: AuthorizeResult.DENY },
      { result: AuthorizeResult.ALLOW },
    ]);
    const missing = { ...cluster, name: 'not-ingested' };
    await expect(
      authorizer.allowedOf(
        [cluster, other, missing],
        vsphereNodePoolScalePermission,
        credentials,
      ),
    ).resolves.toEqual([other]);
  });

  it('answers every button of a page in one permission batch, whatever the permissions', async () => {
    const { authorizer, permissions } = authorizerWith([clusterEntity({})]);
    permissions.authorize.mockResolvedValue([
      { result: AuthorizeResult.ALLOW },
      { result: AuthorizeResult.DENY },
    ]);
    await expect(
      authorizer.allowedEach(
        [
          { object: cluster, permission: vsphereNodePoolScalePermission },
          { object: cluster, permission: vsphereVmPowerPermission },
          {
            object: { ...cluster, name: 'not-ingested' },
            permission: vsphereNodePoolScalePermission,
          },
        ],
        credentials,
      ),
    ).resolves.toEqual([true, false, false]);
    expect(permissions.authorize).toHaveBeenCalledTimes(1);
    expect(permissions.authorize.mock.calls[0][0]).toEqual([
      {
        permission: vsphereNodePoolScalePermission,
        resourceRef: 'resource:default/demo.cluster.demo-cluster',
      },
      {
        permission: vsphereVmPowerPermission,
        resourceRef: 'resource:default/demo.cluster.demo-cluster',
      },
    ]);
  });
});
