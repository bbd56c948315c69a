import { Entity } from '@backstage/catalog-model';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityOverview } from '@backstage-vsphere/plugin-vsphere-common';
import {
  ingestedEntityFor,
  loadTestenv,
  recorderPosition,
  readRequestsBesidesFeed,
  testenvKubectl,
  testenvSupervisors,
  testenvVsphereConfig,
} from '@backstage-vsphere/plugin-vsphere-node/testUtils';
import request from 'supertest';
import { vspherePlugin } from './plugin';

jest.setTimeout(60_000);

const env = loadTestenv();

const component = (
  name: string,
  namespace: string,
  supervisor?: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'vsphere.vmware.com/supervisor-namespace': namespace,
      'vsphere.vmware.com/vcenter': env.vcenter.name,
      ...(supervisor ? { 'vsphere.vmware.com/supervisor': supervisor } : {}),
    },
  },
  spec: { type: 'service', owner: 'guests' },
});

// team-b's VM on the second Supervisor, as the catalog module ingests it
const SECOND_VM = 'team-b-app-01';

let server: any;
let stop: () => Promise<void>;

beforeAll(async () => {
  const backend = await startTestBackend({
    features: [
      vspherePlugin,
      catalogServiceMock.factory({
        entities: [
          component('on-first', 'demo', 'supervisor'),
          component('on-second', 'team-b', 'supervisor2'),
          component('unnamed', 'demo'),
          component('misnamed', 'demo', 'nope'),
          ingestedEntityFor(
            {
              kind: 'vm',
              vcenter: env.vcenter.name,
              namespace: 'team-b',
              name: SECOND_VM,
            },
            env.vcenter,
          ),
        ],
      }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.rootConfig.factory({
        data: {
          vsphere: {
            sourceDeadline: '3s',
            // the testenv's two Supervisors: WCP-Cluster's and WCP-Cluster-2's API servers
            ...testenvVsphereConfig(env, {
              supervisors: testenvSupervisors(env),
            }),
          },
        },
      }),
    ],
  });
  server = backend.server;
  stop = () => backend.stop();
});

afterAll(() => stop());

const overviewOf = (name: string) =>
  request(server).get(
    `/api/vsphere/entities/default/component/${name}/overview`,
  );

/** The page once its sources are live (a new backend's feeds sync first). */
async function liveOverview(name: string): Promise<EntityOverview> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await overviewOf(name);
    expect(res.status).toBe(200);
    const body: EntityOverview = res.body;
    if (body.sources.every(s => s.state === 'live') || Date.now() > deadline) {
      return body;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

const options = async (kind: string, query: object) =>
  request(server)
    .get(`/api/vsphere/options/${kind}`)
    .query({ vcenter: env.vcenter.name, ...query });

const values = (res: request.Response) =>
  res.body.items.map((o: { value: string }) => o.value);

/** spec.powerState of team-b's VM on the second Supervisor, read with kubectl. */
const secondVmPower = () =>
  testenvKubectl(
    env,
    '--kubeconfig',
    env.supervisor2.adminKubeconfig,
    'get',
    'virtualmachine',
    '-n',
    'team-b',
    SECOND_VM,
    '-o',
    'jsonpath={.spec.powerState}',
  );

describe('a vCenter with two Supervisors', () => {
  it("shows each page the namespace, quotas and VMs of the Supervisor its annotation names, and only that one's", async () => {
    const first = await liveOverview('on-first');
    expect(first.errors).toEqual([]);
    expect(first.supervisor).toBe('supervisor');
    expect(first.namespace?.name).toBe('demo');
    expect(first.namespace?.zones).toEqual([
      { name: 'zone-a', type: 'MANAGEMENT' },
      { name: 'zone-b', type: 'WORKLOAD' },
    ]);
    expect(first.sources.map(s => s.source)).toContain(
      'supervisor:testenv/supervisor',
    );
    expect(first.vms.map(vm => vm.name)).toEqual(
      expect.arrayContaining(['demo-web-01', 'demo-db-01']),
    );
    expect(first.vms.map(vm => vm.name)).not.toContain(SECOND_VM);

    const second = await liveOverview('on-second');
    expect(second.errors).toEqual([]);
    expect(second.supervisor).toBe('supervisor2');
    expect(second.sources.map(s => s.source)).toContain(
      'supervisor:testenv/supervisor2',
    );
    expect(second.namespace).toMatchObject({
      name: 'team-b',
      description: 'Team B, on the second Supervisor',
      vmClasses: ['best-effort-small'],
    });
    expect(second.namespace?.zones).toEqual([
      { name: 'zone-c', type: 'MANAGEMENT' },
    ]);
    expect(second.namespace?.resourceQuotas.map(q => q.name)).toEqual([
      'team-b-storagequota',
    ]);
    expect(
      second.vms.map(vm => [vm.name, vm.powerState, vm.className]),
    ).toEqual([[SECOND_VM, 'PoweredOn', 'best-effort-small']]);
    expect(second.clusters).toEqual([]);
  });

  it('fills the pickers from the Supervisor the template chose, and asks for one when it chose none', async () => {
    expect(values(await options('supervisors', {}))).toEqual([
      'supervisor',
      'supervisor2',
    ]);
    expect(
      values(await options('namespaces', { supervisor: 'supervisor2' })),
    ).toEqual(['team-b']);
    const firstNamespaces = values(
      await options('namespaces', { supervisor: 'supervisor' }),
    );
    expect(firstNamespaces).toEqual(expect.arrayContaining(['demo', 'team-a']));
    expect(firstNamespaces).not.toContain('team-b');
    expect(
      values(
        await options('images', {
          supervisor: 'supervisor2',
          namespace: 'team-b',
        }),
      ),
      // what the second Supervisor publishes from team-b's content library
    ).toEqual(['photon-5-kube-v1.32', 'ubuntu-2204-kube-v1.33']);

    // each Supervisor's own zones; with a namespace, the zones it is placed in
    expect(
      (await options('zones', { supervisor: 'supervisor' })).body.items,
    ).toEqual([
      {
        value: 'zone-a',
        label: 'zone-a',
        // other suites may place namespaces in the zones meanwhile
        description: expect.stringMatching(
          /^management zone, \d+ namespaces?$/,
        ),
      },
      {
        value: 'zone-b',
        label: 'zone-b',
        description: expect.stringMatching(/^workload zone, \d+ namespaces?$/),
      },
    ]);
    expect(
      values(await options('zones', { supervisor: 'supervisor2' })),
    ).toEqual(['zone-c']);
    expect(
      values(
        await options('zones', {
          supervisor: 'supervisor',
          namespace: 'team-a',
        }),
      ),
    ).toEqual(['zone-a']);
    const noSupervisor = await options('zones', {});
    expect(noSupervisor.status).toBe(400);
    expect(noSupervisor.body.error.message).toContain('supervisor2');

    const unnamed = await options('images', { namespace: 'team-b' });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.message).toBe(
      `supervisor: name one of vCenter 'testenv''s Supervisors: supervisor (${env.vcenter.wcpClusterId}), supervisor2 (${env.supervisor2.cluster})`,
    );
  });

  it("powers a VM on the second Supervisor from its page, and never from the first Supervisor's", async () => {
    await liveOverview('on-second');
    expect(secondVmPower()).toBe('PoweredOn');
    try {
      const fromFirst = await request(server)
        .post(
          `/api/vsphere/entities/default/component/on-first/vms/${SECOND_VM}/power`,
        )
        .send({ action: 'off' });
      // demo's page does not show team-b's VM: refused before the Supervisor is asked
      expect(fromFirst.status).toBe(403);
      expect(fromFirst.body.error.message).toContain(`VM '${SECOND_VM}'`);
      expect(secondVmPower()).toBe('PoweredOn');

      const off = await request(server)
        .post(
          `/api/vsphere/entities/default/component/on-second/vms/${SECOND_VM}/power`,
        )
        .send({ action: 'off' });
      expect(off.status).toBe(200);
      expect(secondVmPower()).toBe('PoweredOff');
    } finally {
      testenvKubectl(
        env,
        '--kubeconfig',
        env.supervisor2.adminKubeconfig,
        'patch',
        'virtualmachine',
        '-n',
        'team-b',
        SECOND_VM,
        '--type=merge',
        '-p',
        '{"spec":{"powerState":"PoweredOn"}}',
      );
    }
  });

  it('asks for the annotation, naming the Supervisors to choose from, before reading anything', async () => {
    // the first test started the feeds; what follows must not add a request
    await overviewOf('on-first');
    const since = recorderPosition(env);
    const unnamed = await overviewOf('unnamed');
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.message).toBe(
      "Annotation vsphere.vmware.com/supervisor is required when vCenter 'testenv' has 2 Supervisors; configured Supervisors: supervisor, supervisor2",
    );
    const misnamed = await overviewOf('misnamed');
    expect(misnamed.status).toBe(400);
    expect(misnamed.body.error.message).toBe(
      "Annotation vsphere.vmware.com/supervisor names Supervisor 'nope', which is not configured for vCenter 'testenv'; configured Supervisors: supervisor, supervisor2",
    );
    const scale = await request(server)
      .post(
        '/api/vsphere/entities/default/component/unnamed/clusters/demo-cluster/nodepools/workers/scale',
      )
      .send({ replicas: 2 });
    expect(scale.status).toBe(400);
    expect(scale.body.error.message).toContain(
      'vsphere.vmware.com/supervisor is required',
    );
    // refused on the annotations alone: not even vCenter was asked
    expect(readRequestsBesidesFeed(env, since)).toEqual([]);
  });
});
