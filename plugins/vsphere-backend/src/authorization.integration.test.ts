import { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  createServiceFactory,
  coreServices,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import {
  SupervisorClient,
  VsphereClients,
  readVsphereConfig,
} from '@backstage-vsphere/plugin-vsphere-node';
import {
  ingestedEntityFor,
  loadTestenv,
  recorderPosition,
  readRecordedRequests,
  readRequestsBesidesFeed,
  testenvVsphereConfig,
} from '@backstage-vsphere/plugin-vsphere-node/testUtils';
import request from 'supertest';
import { vspherePlugin } from './plugin';

// these talk to real servers
jest.setTimeout(60_000);

const env = loadTestenv();
const vc = env.vcenter.name;
const guestAuth = mockCredentials.user.header('user:default/guest');
// a member of team-a, as the catalog's ownership refs would say
const aliceAuth = mockCredentials.user.header('user:default/alice');
const OWNERSHIP: Record<string, string[]> = {
  'user:default/guest': ['user:default/guest'],
  'user:default/alice': ['user:default/alice', 'group:default/team-a'],
};

const component = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', owner: 'user:default/guest' },
});

// the guest owns one VM of namespace demo; team-a owns the namespace, its cluster and other VMs
const GUEST_VM = 'demo-web-01';
const OTHER_VM = 'demo-db-01';
const ingested = [
  ingestedEntityFor(
    { kind: 'namespace', vcenter: vc, namespace: 'demo' },
    env.vcenter,
    'group:default/team-a',
  ),
  ingestedEntityFor(
    { kind: 'cluster', vcenter: vc, namespace: 'demo', name: 'demo-cluster' },
    env.vcenter,
    'group:default/team-a',
  ),
  ingestedEntityFor(
    { kind: 'vm', vcenter: vc, namespace: 'demo', name: GUEST_VM },
    env.vcenter,
    'user:default/guest',
  ),
  ingestedEntityFor(
    { kind: 'vm', vcenter: vc, namespace: 'demo', name: OTHER_VM },
    env.vcenter,
    'group:default/team-a',
  ),
];
const entities = [
  ...ingested,
  // a catalog-info file anyone may write, pointing at someone else's namespace
  component('claims-demo', {
    'vsphere.vmware.com/supervisor-namespace': 'demo',
  }),
  component('dot-dot', { 'vsphere.vmware.com/supervisor-namespace': '..' }),
  component('bad-selector', {
    'vsphere.vmware.com/supervisor-namespace': 'demo',
    'vsphere.vmware.com/vm-selector': 'app=web/../x',
  }),
];

/** A policy that allows reading, and changes only on the entities the caller owns. */
function ownerPolicy(asked: EvaluatePermissionRequest, user: string) {
  if (asked.permission.attributes.action === 'read') {
    return AuthorizeResult.ALLOW;
  }
  const ref = 'resourceRef' in asked ? asked.resourceRef : undefined;
  const owner = ingested.find(
    e => `resource:default/${e.metadata.name}` === ref,
  )?.spec?.owner;
  return (OWNERSHIP[user] ?? []).includes(String(owner))
    ? AuthorizeResult.ALLOW
    : AuthorizeResult.DENY;
}

async function startBackend(options: {
  decide: (asked: EvaluatePermissionRequest, user: string) => AuthorizeResult;
  extraEntities?: Entity[];
  vcenter?: JsonObject;
  pageAccessTtl?: string;
}) {
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockImplementation(async (requests, { credentials }) =>
    requests.map(r => ({
      result: options.decide(
        r as EvaluatePermissionRequest,
        (credentials.principal as { userEntityRef?: string }).userEntityRef ??
          '',
      ) as AuthorizeResult.ALLOW | AuthorizeResult.DENY,
    })),
  );
  const { server } = await startTestBackend({
    features: [
      vspherePlugin,
      catalogServiceMock.factory({
        entities: [...entities, ...(options.extraEntities ?? [])],
      }),
      createServiceFactory({
        service: coreServices.permissions,
        deps: {},
        factory: () => permissions,
      }),
      mockServices.rootConfig.factory({
        data: {
          vsphere: {
            sourceDeadline: '3s',
            ...(options.pageAccessTtl
              ? { pageAccessTtl: options.pageAccessTtl }
              : {}),
            ...testenvVsphereConfig(env, options.vcenter),
          },
        },
      }),
    ],
  });
  return server;
}

const page = (ref: string) =>
  `/api/vsphere/entities/default/${ref.replace(':', '/')}`;
const scalePath = (pageRef: string, cluster: string, pool = 'np-small') =>
  `${page(pageRef)}/clusters/${cluster}/nodepools/${pool}/scale`;
const powerPath = (pageRef: string, vm: string) =>
  `${page(pageRef)}/vms/${vm}/power`;

let clients: VsphereClients;
let supervisor: SupervisorClient;

beforeAll(() => {
  clients = new VsphereClients(
    readVsphereConfig(new ConfigReader({ vsphere: testenvVsphereConfig(env) })),
    mockServices.logger.mock(),
  );
  supervisor = clients.supervisor(vc);
});
afterAll(() => clients.close());

async function poolReplicas() {
  const cluster = await supervisor.getWorkloadCluster('demo', 'demo-cluster');
  return cluster.nodePools.find(p => p.name === 'np-small')!.desiredReplicas;
}

async function desiredPower(vm: string) {
  return (await supervisor.getVirtualMachine('demo', vm)).desiredPowerState;
}

describe('authorization of changes against testenv', () => {
  it('lets the owner of one VM change that VM only, never the cluster or other VMs of its namespace', async () => {
    const server = await startBackend({ decide: ownerPolicy });
    const replicas = await poolReplicas();
    const otherPower = await desiredPower(OTHER_VM);

    // through the guest's own VM page: that page shows no cluster
    const viaVm = await request(server)
      .post(scalePath('resource:demo.vm.demo-web-01', 'demo-cluster'))
      .set('Authorization', guestAuth)
      .send({ replicas: replicas + 1 });
    expect(viaVm.status).toBe(404);
    expect(viaVm.body.error.message).toBe(
      "node pool 'np-small' of cluster 'demo-cluster' is not among the objects resource:default/demo.vm.demo-web-01 shows",
    );
    // through the namespace's or the cluster's page: authorized on the cluster's own entity
    for (const pageRef of [
      'resource:demo',
      'resource:demo.cluster.demo-cluster',
      'component:claims-demo',
    ]) {
      const res = await request(server)
        .post(scalePath(pageRef, 'demo-cluster'))
        .set('Authorization', guestAuth)
        .send({ replicas: replicas + 1 });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        "Not allowed to scale node pool 'np-small' of cluster 'demo-cluster': the permission policy denies 'vsphere.nodepool.scale' on resource:default/demo.cluster.demo-cluster",
      );
    }
    // another VM: not on the guest's VM page, and refused on its own entity elsewhere
    const otherViaVm = await request(server)
      .post(powerPath('resource:demo.vm.demo-web-01', OTHER_VM))
      .set('Authorization', guestAuth)
      .send({ action: 'off' });
    expect(otherViaVm.status).toBe(404);
    const otherViaNamespace = await request(server)
      .post(powerPath('resource:demo', OTHER_VM))
      .set('Authorization', guestAuth)
      .send({ action: 'off' });
    expect(otherViaNamespace.status).toBe(403);
    expect(otherViaNamespace.body.error.message).toContain(
      `on resource:default/demo.vm.${OTHER_VM}`,
    );
    // nothing changed upstream
    expect(await poolReplicas()).toBe(replicas);
    expect(await desiredPower(OTHER_VM)).toBe(otherPower);

    // the guest's own VM: allowed (powering on a VM that is on changes nothing)
    const own = await request(server)
      .post(powerPath('resource:demo.vm.demo-web-01', GUEST_VM))
      .set('Authorization', guestAuth)
      .send({ action: 'on' });
    expect(own.status).toBe(200);
  });

  it("shows each button only where the object's own entity allows it", async () => {
    const server = await startBackend({ decide: ownerPolicy });
    const guestView = await request(server)
      .get(`${page('resource:demo')}/overview`)
      .set('Authorization', guestAuth);
    expect(guestView.status).toBe(200);
    expect(guestView.body.allowed).toEqual({
      scaleClusters: [],
      powerVms: [GUEST_VM],
    });
    const teamView = await request(server)
      .get(`${page('resource:demo')}/overview`)
      .set('Authorization', aliceAuth);
    expect(teamView.body.allowed.scaleClusters).toEqual(['demo-cluster']);
    expect(teamView.body.allowed.powerVms).toEqual([OTHER_VM]);
  });

  it('never powers a node VM of a cluster, and refuses objects the catalog has not ingested yet', async () => {
    const nodes = (await supervisor.listVirtualMachines('demo')).filter(
      vm => vm.clusterNode,
    );
    expect(nodes.length).toBeGreaterThan(0);
    const power = await desiredPower(nodes[0].name);
    // even with an entity of its own and a policy that allows everything
    const server = await startBackend({
      decide: () => AuthorizeResult.ALLOW,
      extraEntities: [
        ingestedEntityFor(
          { kind: 'vm', vcenter: vc, namespace: 'demo', name: nodes[0].name },
          env.vcenter,
        ),
      ],
    });
    const node = await request(server)
      .post(powerPath('resource:demo', nodes[0].name))
      .send({ action: 'off' });
    expect(node.status).toBe(404);
    expect(node.body.error.message).toBe(
      `VM '${nodes[0].name}' is not among the objects resource:default/demo shows (node VMs change with their node pool)`,
    );
    expect(await desiredPower(nodes[0].name)).toBe(power);
    const notIngested = await request(server)
      .post(powerPath('resource:demo', 'demo-batch-01'))
      .send({ action: 'off' });
    expect(notIngested.status).toBe(403);
    expect(notIngested.body.error.message).toBe(
      "Not allowed to power off VM 'demo-batch-01': VM 'demo-batch-01' in namespace 'demo' has no catalog entity (resource:default/demo.vm.demo-batch-01) yet, so its owner is unknown; the catalog module adds it from vCenter within its refresh interval, try again then",
    );
  });

  it.each([
    [
      'path parameter cluster',
      () => scalePath('resource:demo', '%2E%2E'),
      "cluster: '..' is not a DNS-1123 label",
    ],
    [
      'path parameter nodePool',
      () => scalePath('resource:demo', 'demo-cluster', '..%2Fx'),
      "nodePool: '../x' is not a DNS-1123 label",
    ],
    [
      'path parameter vm',
      () => powerPath('resource:demo', '%2E%2E%2F%2E%2E'),
      "vm: '../..' is not a Kubernetes object name",
    ],
    [
      'annotation namespace',
      () => `${page('component:dot-dot')}/overview`,
      "component:default/dot-dot annotation vsphere.vmware.com/supervisor-namespace: '..' is not a DNS-1123 label",
    ],
    [
      'annotation vm-selector',
      () => `${page('component:bad-selector')}/overview`,
      "component:default/bad-selector annotation vsphere.vmware.com/vm-selector: 'app=web/../x' is not a Kubernetes label selector",
    ],
    [
      'query namespace',
      () => '/api/vsphere/options/clusters?namespace=..',
      'query.namespace: not a DNS-1123 label',
    ],
    [
      'query cluster',
      () =>
        '/api/vsphere/options/node-pools?namespace=demo&cluster=%2E%2E%2Fdemo',
      'query.cluster: not a DNS-1123 label',
    ],
  ])(
    'refuses .. in the %s with a 400 naming it, before any upstream call',
    async (_, path, message) => {
      const server = await startBackend({
        decide: () => AuthorizeResult.ALLOW,
      });
      const before = recorderPosition(env);
      const replicas = await poolReplicas();
      const url = path();
      const res =
        url.endsWith('/overview') || url.startsWith('/api/vsphere/options')
          ? await request(server).get(url)
          : await request(server)
              .post(url)
              .send(
                url.endsWith('/scale') ? { replicas: 1 } : { action: 'off' },
              );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
      expect(readRequestsBesidesFeed(env, before)).toEqual([]);
      expect(await poolReplicas()).toBe(replicas);
    },
  );

  it("reuses a caller's page access for repeated views only: never another caller's, never for a change", async () => {
    // alice may read and change everything until her access is revoked; the guest never may
    let aliceRevoked = false;
    const server = await startBackend({
      pageAccessTtl: '2s',
      decide: (_asked, user) =>
        user === 'user:default/alice' && !aliceRevoked
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    });
    const overview = `${page('resource:demo')}/overview`;
    const view = (auth: string) =>
      request(server).get(overview).set('authorization', auth);

    expect((await view(aliceAuth)).status).toBe(200);
    expect((await view(guestAuth)).status).toBe(403);

    aliceRevoked = true;
    const revokedAt = Date.now();
    // a change right after the revocation is refused, though her views are still remembered
    const power = await desiredPower(OTHER_VM);
    const change = await request(server)
      .post(powerPath('resource:demo', OTHER_VM))
      .set('authorization', aliceAuth)
      .send({ action: 'off' });
    expect(change.status).toBe(403);
    expect(await desiredPower(OTHER_VM)).toBe(power);

    // within the configured 2 s her views end too
    let status = 200;
    while (status === 200 && Date.now() - revokedAt < 5_000) {
      status = (await view(aliceAuth)).status;
      if (status === 200) await new Promise(r => setTimeout(r, 200));
    }
    expect(status).toBe(403);
    expect(Date.now() - revokedAt).toBeLessThan(2_500);
  });

  it('refuses every route under a deny-all policy, with no request upstream', async () => {
    const server = await startBackend({ decide: () => AuthorizeResult.DENY });
    const before = recorderPosition(env);
    const replicas = await poolReplicas();
    const power = await desiredPower(GUEST_VM);
    const routes: Array<[string, string, object?]> = [
      ['get', '/api/vsphere/vcenters'],
      ...[
        'vcenters',
        'supervisors',
        'namespaces',
        'storage-policies',
        'vm-classes',
        'images',
        'content-libraries',
        'clusters',
        'node-pools',
      ].map((kind): [string, string] => [
        'get',
        `/api/vsphere/options/${kind}?namespace=demo&cluster=demo-cluster`,
      ]),
      ['get', `${page('resource:demo')}/overview`],
      [
        'post',
        scalePath('resource:demo', 'demo-cluster'),
        { replicas: replicas + 1 },
      ],
      [
        'post',
        scalePath('resource:demo.cluster.demo-cluster', 'demo-cluster'),
        { replicas: replicas + 1 },
      ],
      ...['on', 'off', 'restart'].map((action): [string, string, object] => [
        'post',
        powerPath('resource:demo', GUEST_VM),
        { action },
      ]),
    ];
    for (const [method, url, body] of routes) {
      const res =
        method === 'get'
          ? await request(server).get(url)
          : await request(server).post(url).send(body);
      expect([url, res.status]).toEqual([url, 403]);
      // outside NODE_ENV=development, Backstage's error handler leaves stack traces out
      expect(res.body.error.stack).toBeUndefined();
    }
    expect(readRequestsBesidesFeed(env, before)).toEqual([]);
    expect(await poolReplicas()).toBe(replicas);
    expect(await desiredPower(GUEST_VM)).toBe(power);
  });
});

describe("the portal's own credentials refused upstream", () => {
  it('is a 503 naming the source, and a wrong vCenter password is tried once over 100 views', async () => {
    const server = await startBackend({
      decide: () => AuthorizeResult.ALLOW,
      vcenter: { password: 'Not-The-Password-1' },
    });
    const before = recorderPosition(env);
    for (let i = 0; i < 100; i++) {
      const res = await request(server).get(
        `${page('resource:demo')}/overview`,
      );
      expect(res.status).toBe(200);
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          source: `vcenter:${vc}`,
          name: 'ServiceUnavailableError',
          message: expect.stringContaining(
            `vCenter '${vc}' rejected the login of the portal's service account '${env.vcenter.username}'`,
          ),
        }),
      ]);
      expect(JSON.stringify(res.body)).not.toContain('Not-The-Password-1');
    }
    const logins = readRecordedRequests(env, before).filter(
      r => r.operation === 'Login' || /\/session$/.test(r.path),
    );
    // one account: the first rejected login holds back the others, REST and SOAP alike
    expect(logins.length).toBeGreaterThanOrEqual(1);
    expect(logins.length).toBeLessThanOrEqual(2);
  });

  it("answers a change the Supervisor refuses the portal's token with a 503, not the caller's 403", async () => {
    const server = await startBackend({
      decide: () => AuthorizeResult.ALLOW,
      vcenter: {
        supervisors: [
          {
            name: 'supervisor',
            cluster: env.vcenter.wcpClusterId,
            url: env.supervisor.url,
            caFile: env.supervisor.caFile,
            tokenFile: env.supervisor.readonlyTokenFile,
          },
        ],
      },
    });
    const replicas = await poolReplicas();
    const res = await request(server)
      .post(scalePath('resource:demo', 'demo-cluster'))
      .send({ replicas: replicas + 1 });
    expect(res.status).toBe(503);
    expect(res.body.error.message).toBe(
      "Supervisor 'supervisor' does not allow the portal's service account to patch Cluster 'demo-cluster' in namespace 'demo' (403); an administrator of the Supervisor must grant it",
    );
    expect(await poolReplicas()).toBe(replicas);
  });
});
