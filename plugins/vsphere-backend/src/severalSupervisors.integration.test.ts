import { Entity } from '@backstage/catalog-model';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  loadTestenv,
  recorderPosition,
  readRequestsBesidesFeed,
  testenvVsphereConfig,
} from '@backstage-vsphere/plugin-vsphere-node/testUtils';
import request from 'supertest';
import { vspherePlugin } from './plugin';

jest.setTimeout(60_000);

const env = loadTestenv();

const component = (name: string, supervisor?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'vsphere.vmware.com/supervisor-namespace': 'demo',
      'vsphere.vmware.com/vcenter': env.vcenter.name,
      ...(supervisor ? { 'vsphere.vmware.com/supervisor': supervisor } : {}),
    },
  },
  spec: { type: 'service', owner: 'guests' },
});

let server: any;
let stop: () => Promise<void>;

beforeAll(async () => {
  const backend = await startTestBackend({
    features: [
      vspherePlugin,
      catalogServiceMock.factory({
        entities: [
          component('on-first', 'supervisor'),
          component('on-second', 'second'),
          component('unnamed'),
          component('misnamed', 'nope'),
        ],
      }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.rootConfig.factory({
        data: {
          vsphere: {
            sourceDeadline: '3s',
            ...testenvVsphereConfig(env, {
              // a second Supervisor on the same vCenter: the testenv's workload API server, a
              // kube-apiserver of its own that serves no VM Service objects
              supervisors: [
                {
                  name: 'supervisor',
                  cluster: env.vcenter.wcpClusterId,
                  url: env.supervisor.url,
                  caFile: env.supervisor.caFile,
                  tokenFile: env.supervisor.tokenFile,
                },
                {
                  name: 'second',
                  cluster: 'domain-c-second',
                  url: env.workload.url,
                  caFile: env.workload.caFile,
                  tokenFile: env.workload.readerTokenFile,
                },
              ],
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

describe('a vCenter with two Supervisors', () => {
  it("reads the page from the Supervisor its annotation names, and only that one's objects", async () => {
    const first = await overviewOf('on-first');
    expect(first.status).toBe(200);
    expect(first.body.supervisor).toBe('supervisor');
    expect(first.body.sources.map((s: { source: string }) => s.source)).toEqual(
      expect.arrayContaining(['supervisor:testenv/supervisor']),
    );
    expect(first.body.vms.length).toBeGreaterThan(0);

    const second = await overviewOf('on-second');
    expect(second.status).toBe(200);
    expect(second.body.supervisor).toBe('second');
    expect(
      second.body.sources.map((s: { source: string }) => s.source),
    ).toEqual(expect.arrayContaining(['supervisor:testenv/second']));
    // demo's VMs live on the first Supervisor; the second serves none
    expect(second.body.vms).toEqual([]);
  });

  it('asks for the annotation, naming the Supervisors to choose from, before reading anything', async () => {
    // the first test started the feeds; what follows must not add a request
    await overviewOf('on-first');
    const since = recorderPosition(env);
    const unnamed = await overviewOf('unnamed');
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.message).toBe(
      "Annotation vsphere.vmware.com/supervisor is required when vCenter 'testenv' has 2 Supervisors; configured Supervisors: supervisor, second",
    );
    const misnamed = await overviewOf('misnamed');
    expect(misnamed.status).toBe(400);
    expect(misnamed.body.error.message).toBe(
      "Annotation vsphere.vmware.com/supervisor names Supervisor 'nope', which is not configured for vCenter 'testenv'; configured Supervisors: supervisor, second",
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
