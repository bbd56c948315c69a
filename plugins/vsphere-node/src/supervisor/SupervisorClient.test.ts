import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { SupervisorClient } from './SupervisorClient';
import {
  StubRequest,
  StubRoute,
  apiGroupList,
  startStubApiServer,
} from './__testUtils__/stubApiServer';
import { machineDeployment, v1beta2Cluster } from './__testUtils__/fixtures';

const APIS = apiGroupList({
  'vmoperator.vmware.com': [
    'v1alpha5',
    'v1alpha4',
    'v1alpha3',
    'v1alpha2',
    'v1alpha1',
  ],
  'cluster.x-k8s.io': ['v1beta2', 'v1beta1'],
});
const CAPI = '/apis/cluster.x-k8s.io/v1beta2/namespaces/demo';
const VMOP = '/apis/vmoperator.vmware.com/v1alpha5/namespaces/demo';
const list = (items: unknown[], extra: Record<string, unknown> = {}) => ({
  status: 200,
  body: { items, metadata: { resourceVersion: '1', ...extra } },
});

describe('SupervisorClient (stubbed HTTP)', () => {
  let stub: Awaited<ReturnType<typeof startStubApiServer>> | undefined;
  let client: SupervisorClient | undefined;
  let tokenDir: string;

  beforeEach(() => {
    tokenDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-token-'));
  });

  afterEach(async () => {
    client?.close();
    await stub?.close();
    fs.rmSync(tokenDir, { recursive: true, force: true });
  });

  async function start(
    routes: Record<string, StubRoute>,
    options: { token?: string; tokenFile?: string; timeoutMs?: number } = {},
  ) {
    stub = await startStubApiServer({
      'GET /apis': () => ({ status: 200, body: APIS }),
      ...routes,
    });
    client = SupervisorClient.create(
      {
        name: 'sv1',
        cluster: 'domain-c8',
        url: stub.url,
        // Plain HTTP to the stub needs this in the Kubernetes client.
        skipTLSVerify: true,
        token: options.tokenFile ? undefined : options.token ?? 'token-1',
        tokenFile: options.tokenFile,
      },
      {
        logger: mockServices.logger.mock(),
        requestTimeoutMs: options.timeoutMs,
      },
    );
    return { stub, client };
  }

  const apiRequests = (requests: StubRequest[]) =>
    requests.filter(r => r.path !== '/apis').map(r => `${r.method} ${r.path}`);

  it('uses the newest served versions and lists the clusters of a namespace in three requests', async () => {
    const clusters = Array.from({ length: 5 }, (_, i) => ({
      ...v1beta2Cluster,
      metadata: { ...v1beta2Cluster.metadata, name: `c${i}` },
    }));
    const { stub: s, client: c } = await start({
      [`GET ${CAPI}/clusters`]: () => list(clusters),
      [`GET ${CAPI}/machinedeployments`]: () =>
        list([machineDeployment('c3', 'np-small', { readyReplicas: 2 })]),
      [`GET ${CAPI}/machines`]: () => list([]),
    });

    const result = await c.listWorkloadClusters('demo');

    expect(await c.apiVersions()).toEqual({
      vmOperator: 'v1alpha5',
      clusterApi: 'v1beta2',
    });
    expect(result.map(r => r.name)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(result[3].nodePools[0].readyReplicas).toBe(2);
    expect(apiRequests(s.requests).sort()).toEqual([
      `GET ${CAPI}/clusters`,
      `GET ${CAPI}/machinedeployments`,
      `GET ${CAPI}/machines`,
    ]);
    expect(s.requests.filter(r => r.path === '/apis')).toHaveLength(1);
  });

  it('follows continue pages', async () => {
    const { stub: s, client: c } = await start({
      [`GET ${VMOP}/virtualmachines`]: r =>
        r.query.get('continue') === 'page-2'
          ? list([{ metadata: { name: 'b', namespace: 'demo' } }])
          : list([{ metadata: { name: 'a', namespace: 'demo' } }], {
              continue: 'page-2',
            }),
    });

    const vms = await c.listVirtualMachines('demo');

    expect(vms.map(vm => vm.name)).toEqual(['a', 'b']);
    expect(
      s.requests
        .filter(r => r.path.endsWith('virtualmachines'))[0]
        .query.get('limit'),
    ).toBe('500');
  });

  it('scales through the Cluster topology with a resourceVersion guard, retrying after a conflict', async () => {
    let patches = 0;
    const { stub: s, client: c } = await start({
      [`GET ${CAPI}/clusters/demo-cluster`]: () => ({
        status: 200,
        body: v1beta2Cluster,
      }),
      [`PATCH ${CAPI}/clusters/demo-cluster`]: () =>
        ++patches === 1
          ? {
              status: 409,
              body: {
                kind: 'Status',
                code: 409,
                message: 'the object has been modified',
              },
            }
          : { status: 200, body: v1beta2Cluster },
      [`GET ${CAPI}/machinedeployments`]: () => list([]),
      [`GET ${CAPI}/machines`]: () => list([]),
    });

    await c.scaleNodePool('demo', 'demo-cluster', 'np-small', 3);

    const writes = s.requests.filter(r => r.method !== 'GET');
    expect(writes).toHaveLength(2);
    expect(writes.every(w => w.path === `${CAPI}/clusters/demo-cluster`)).toBe(
      true,
    );
    expect(writes[1].headers['content-type']).toBe(
      'application/merge-patch+json',
    );
    expect(writes[1].query.get('fieldManager')).toBe('backstage-vsphere');
    expect(writes[1].body).toEqual({
      metadata: { resourceVersion: '100' },
      spec: {
        topology: {
          workers: {
            machineDeployments: [
              {
                class: 'node-pool',
                name: 'np-small',
                replicas: 3,
                variables: {
                  overrides: [{ name: 'vmClass', value: 'best-effort-small' }],
                },
              },
              { class: 'node-pool', name: 'np-large', replicas: 1 },
            ],
          },
        },
      },
    });
    expect(
      s.requests.some(
        r => r.method !== 'GET' && r.path.includes('machinedeployments'),
      ),
    ).toBe(false);
  });

  it('applies a VM server-side with the field manager, in the served version', async () => {
    const { stub: s, client: c } = await start({
      [`PATCH ${VMOP}/virtualmachines/vm1`]: r => ({
        status: 201,
        body: r.body,
      }),
    });

    const vm = await c.applyVirtualMachine({
      name: 'vm1',
      namespace: 'demo',
      className: 'best-effort-small',
      imageName: 'ubuntu-2204',
      imageKind: 'ClusterVirtualMachineImage',
      powerState: 'PoweredOn',
    });

    const [apply] = s.requests.filter(r => r.method === 'PATCH');
    expect(apply.headers['content-type']).toBe('application/apply-patch+yaml');
    expect(apply.query.get('fieldManager')).toBe('backstage-vsphere');
    expect(apply.query.get('force')).toBe('false');
    expect(apply.body.apiVersion).toBe('vmoperator.vmware.com/v1alpha5');
    expect(vm).toMatchObject({ name: 'vm1', className: 'best-effort-small' });
  });

  it('reads the token file again when it changes, and names a rejected token', async () => {
    const tokenFile = path.join(tokenDir, 'token');
    fs.writeFileSync(tokenFile, 'first-token\n');
    const { stub: s, client: c } = await start(
      {
        'GET /api/v1/namespaces': r =>
          r.headers.authorization === 'Bearer first-token'
            ? list([
                { metadata: { name: 'demo' }, status: { phase: 'Active' } },
              ])
            : { status: 401, body: { kind: 'Status', code: 401 } },
      },
      { tokenFile },
    );

    await expect(c.listNamespaces()).resolves.toEqual([
      { name: 'demo', phase: 'Active', labels: {} },
    ]);
    fs.writeFileSync(tokenFile, 'second-token-revoked\n');
    const error = await c.listNamespaces().catch(e => e);

    expect(s.requests.at(-1)?.headers.authorization).toBe(
      'Bearer second-token-revoked',
    );
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toBe(
      "Supervisor 'sv1' rejected the portal's service account token (401): it may be revoked or expired; an administrator of the portal must replace it",
    );
    expect(JSON.stringify(error)).not.toContain('token-revoked');
  });

  it('gives up at the deadline with the Supervisor and the deadline named', async () => {
    const { client: c } = await start(
      { [`GET ${VMOP}/virtualmachines`]: () => ({ hang: true }) },
      { timeoutMs: 300 },
    );
    const started = Date.now();

    await expect(c.listVirtualMachines('demo')).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        /^Supervisor 'sv1' at http:\/\/127\.0\.0\.1:\d+ did not answer list virtualmachines\.vmoperator\.vmware\.com in namespace 'demo' within 300 ms$/,
      ),
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("stops when the caller's signal aborts, without calling it a Supervisor failure", async () => {
    const { client: c } = await start({
      [`GET ${VMOP}/virtualmachines`]: () => ({ hang: true }),
    });
    const controller = new AbortController();
    const pending = c.listVirtualMachines('demo', {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);

    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('names an unreachable Supervisor', async () => {
    const { stub: s, client: c } = await start({});
    await s.close();

    await expect(c.listNamespaces()).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining('(ECONNREFUSED)'),
    });
  });

  it('lists again when a watch answers 410 Gone', async () => {
    let lists = 0;
    let watches = 0;
    const vm = (name: string, resourceVersion: string) => ({
      apiVersion: 'vmoperator.vmware.com/v1alpha5',
      kind: 'VirtualMachine',
      metadata: { name, namespace: 'demo', resourceVersion },
    });
    const { client: c } = await start({
      [`GET ${VMOP}/virtualmachines`]: r => {
        if (r.query.get('watch') !== 'true') {
          lists++;
          return lists === 1 ? list([vm('a', '5')]) : list([vm('b', '9')]);
        }
        watches++;
        // First watch: the server forgot resourceVersion 1; later ones stay open.
        return watches === 1
          ? {
              stream: [
                {
                  type: 'ERROR',
                  object: { kind: 'Status', code: 410, reason: 'Expired' },
                },
              ],
            }
          : { hang: true };
      },
    });
    const events: string[] = [];

    const watch = await c.watch(
      'VirtualMachine',
      e => events.push(`${e.type} ${e.object.metadata.name}`),
      { namespace: 'demo' },
    );
    await waitFor(() => lists === 2 && events.length === 3);
    await watch.stop();

    expect(events).toEqual(['added a', 'deleted a', 'added b']);
    expect(watch.list().map(o => o.metadata.name)).toEqual(['b']);
  });
  it("lists a namespace's own images before the cluster-wide ones, so a shared name resolves to the namespace's", async () => {
    const image = (name: string, displayName: string) => ({
      metadata: { name, namespace: 'demo' },
      status: { name: displayName },
    });
    const { client: c } = await start({
      [`GET /apis/vmoperator.vmware.com/v1alpha5/clustervirtualmachineimages`]:
        () => list([image('cvmi-1', 'ubuntu-24.04')]),
      [`GET ${VMOP}/virtualmachineimages`]: () =>
        list([image('vmi-1', 'ubuntu-24.04')]),
    });

    const images = await c.listVirtualMachineImages('demo');

    expect(images.map(i => [i.name, i.kind])).toEqual([
      ['vmi-1', 'VirtualMachineImage'],
      ['cvmi-1', 'ClusterVirtualMachineImage'],
    ]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) {
      throw new Error('condition not met in time');
    }
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}
