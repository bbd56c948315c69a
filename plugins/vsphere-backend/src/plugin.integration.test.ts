import { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityOverview } from '@backstage-vsphere/plugin-vsphere-common';
import {
  ingestedEntityFor,
  loadTestenv,
  recorderPosition,
  readRequestsBesidesFeed,
  testenvVsphereConfig,
} from '@backstage-vsphere/plugin-vsphere-node/testUtils';
import request from 'supertest';
import { vspherePlugin } from './plugin';

// these talk to real servers and wait for the reconciler
jest.setTimeout(60_000);

const env = loadTestenv();

const component = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', owner: 'guests' },
});

const entities = [
  component('demo-web', {
    'vsphere.vmware.com/supervisor-namespace': 'demo',
    'vsphere.vmware.com/vcenter': env.vcenter.name,
  }),
  component('no-annotation', {}),
  component('elsewhere', {
    'vsphere.vmware.com/supervisor-namespace': 'demo',
    'vsphere.vmware.com/vcenter': 'vc-west',
  }),
  // what the catalog module ingested: changes are authorized on these
  ingestedEntityFor(
    {
      kind: 'cluster',
      vcenter: env.vcenter.name,
      namespace: 'demo',
      name: 'demo-cluster',
    },
    env.vcenter,
  ),
];

async function startBackend(
  options: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    vsphere?: object;
  } = {},
) {
  const { server } = await startTestBackend({
    features: [
      vspherePlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
      mockServices.rootConfig.factory({
        data: {
          vsphere: {
            sourceDeadline: '3s',
            ...(options.vsphere ?? testenvVsphereConfig(env)),
          },
        },
      }),
    ],
  });
  return server;
}

const overviewPath =
  '/api/vsphere/entities/default/component/demo-web/overview';

async function overview(server: any): Promise<EntityOverview> {
  const res = await request(server).get(overviewPath);
  expect(res.status).toBe(200);
  return res.body;
}

async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) {
      return value;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

describe('vsphere backend against testenv', () => {
  it('shows the demo namespace, its VMs joined with vCenter and its clusters with node pools', async () => {
    const server = await startBackend();
    // a new backend's feeds sync first; until then the page says so per source
    const body = await until(
      () => overview(server),
      b => b.sources.every(s => s.state === 'live'),
      20_000,
    );

    expect(body.errors).toEqual([]);
    expect(body.namespace).toMatchObject({
      name: 'demo',
      configStatus: 'RUNNING',
    });
    expect(body.vms.length).toBeGreaterThanOrEqual(3);
    // cluster nodes are listed under their node pools, not as the team's VMs
    expect(
      body.vms.filter(vm => vm.labels['capv.vmware.com/cluster.name']),
    ).toEqual([]);
    const joined = body.vms.filter(vm => vm.vcenterVm);
    expect(joined.length).toBeGreaterThanOrEqual(3);
    expect(joined[0].vcenterVm!.moref).toBe(joined[0].uniqueID);
    const cluster = body.clusters.find(c => c.name === 'demo-cluster');
    expect(cluster?.nodePools.map(p => p.name).sort()).toEqual([
      'np-large',
      'np-small',
    ]);
    // buttons only for objects whose ingested entity allows them
    expect(body.allowed).toEqual({
      scaleClusters: ['demo-cluster'],
      powerVms: [],
    });
    expect(body.links.kubectlLogin).toContain(
      'kubectl vsphere login --server=127.0.0.1',
    );
  });

  it('answers warm views from the snapshot without asking vCenter again', async () => {
    const server = await startBackend();
    await overview(server);
    const before = recorderPosition(env);
    await Promise.all(Array.from({ length: 10 }, () => overview(server)));
    // only the feed's own long-polls, whatever the number of views
    expect(readRequestsBesidesFeed(env, before)).toEqual([]);
  });

  it("lists a namespace's assigned storage policies, or all of the vCenter's without one", async () => {
    const server = await startBackend();
    const names = async (query: object) => {
      const res = await request(server)
        .get('/api/vsphere/options/storage-policies')
        .query({ vcenter: 'testenv', ...query });
      expect(res.status).toBe(200);
      return res.body.items.map((o: { value: string }) => o.value);
    };
    await expect(names({ namespace: 'team-a' })).resolves.toEqual(['k8s-gold']);
    await expect(names({})).resolves.toEqual(
      expect.arrayContaining(['k8s-gold', 'vSAN Default Storage Policy']),
    );
  });

  it("lists a cluster's node pools for the node pool picker", async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/vsphere/options/node-pools')
      .query({
        vcenter: 'testenv',
        namespace: 'demo',
        cluster: 'demo-cluster',
      });
    expect(res.status).toBe(200);
    expect(res.body.items.map((o: { value: string }) => o.value)).toEqual(
      expect.arrayContaining(['np-small', 'np-large']),
    );
    expect(
      res.body.items.find((o: { value: string }) => o.value === 'np-small')
        .description,
    ).toMatch(/^\d+ of \d+ nodes ready, best-effort-small$/);

    const withoutCluster = await request(server)
      .get('/api/vsphere/options/node-pools')
      .query({ vcenter: 'testenv', namespace: 'demo' });
    expect(withoutCluster.status).toBe(400);
    expect(withoutCluster.body.error.message).toBe(
      'cluster: node pools are listed per cluster',
    );
  });

  it('names the problem with the entity', async () => {
    const server = await startBackend();
    const missing = await request(server).get(
      '/api/vsphere/entities/default/component/nope/overview',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('component:default/nope');

    const bare = await request(server).get(
      '/api/vsphere/entities/default/component/no-annotation/overview',
    );
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toContain(
      'vsphere.vmware.com/supervisor-namespace',
    );

    const unknown = await request(server).get(
      '/api/vsphere/entities/default/component/elsewhere/overview',
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain(
      `'vc-west', which is not configured; configured vCenters: ${env.vcenter.name}`,
    );
  });

  it('denies viewers and scalers the policy does not allow', async () => {
    const server = await startBackend({ permission: AuthorizeResult.DENY });
    const view = await request(server).get(overviewPath);
    expect(view.status).toBe(403);
    const scale = await request(server)
      .post(
        '/api/vsphere/entities/default/component/demo-web/clusters/demo-cluster/nodepools/np-small/scale',
      )
      .send({ replicas: 3 });
    expect(scale.status).toBe(403);
    const unauthenticated = await request(server)
      .get(overviewPath)
      .set('Authorization', mockCredentials.none.header());
    expect(unauthenticated.status).toBe(401);
  });

  it('shows what it can when the vCenter is down, with an error entry for it', async () => {
    const down = testenvVsphereConfig(env, { url: 'https://127.0.0.1:1' });
    const server = await startBackend({ vsphere: down });
    const started = Date.now();
    const body = await overview(server);

    expect(Date.now() - started).toBeLessThan(10_000);
    expect(body.errors).toEqual([
      expect.objectContaining({ source: `vcenter:${env.vcenter.name}` }),
    ]);
    expect(body.namespace).toBeUndefined();
    expect(body.vms.length).toBeGreaterThanOrEqual(3);
    expect(body.clusters.map(c => c.name)).toContain('demo-cluster');
    expect(JSON.stringify(body)).not.toContain(env.vcenter.password);
  });

  it('scales a node pool through the cluster topology and ready replicas follow', async () => {
    const server = await startBackend();
    const scalePath =
      '/api/vsphere/entities/default/component/demo-web/clusters/demo-cluster/nodepools/np-large/scale';
    const pool = (body: EntityOverview) =>
      body.clusters
        .find(c => c.name === 'demo-cluster')!
        .nodePools.find(p => p.name === 'np-large')!;
    const original = pool(await overview(server)).desiredReplicas;
    try {
      const res = await request(server)
        .post(scalePath)
        .send({ replicas: original + 1 });
      expect(res.status).toBe(200);
      const scaled = await until(
        () => overview(server),
        body => pool(body).readyReplicas === original + 1,
        30_000,
      );
      expect(pool(scaled)).toMatchObject({
        desiredReplicas: original + 1,
        readyReplicas: original + 1,
      });
    } finally {
      await request(server).post(scalePath).send({ replicas: original });
    }

    const bad = await request(server).post(scalePath).send({ replicas: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^body\.replicas: /);
  });
});
