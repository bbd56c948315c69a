import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import {
  readRecordedRequests,
  recorderPosition,
} from '@backstage-vsphere/plugin-vsphere-node/testUtils';
import {
  runAction,
  testenvActionOptions,
  testenvClients,
  uniqueName,
} from '../__testUtils__/testenv';
import { createVsphereActions } from '.';

jest.setTimeout(60_000);

const { env, clients } = testenvClients();
afterAll(() => clients.close());

/** Inputs that name existing objects, so each action gets as far as its authorization. */
function inputs(): Record<string, JsonObject> {
  return {
    'vsphere:namespace:create': { name: uniqueName('deny-ns') },
    'vsphere:namespace:update': { name: 'demo', description: 'taken over' },
    'vsphere:namespace:delete': { name: 'demo' },
    'vsphere:vm:create': {
      namespace: 'demo',
      name: uniqueName('deny-vm'),
      className: 'best-effort-small',
      imageName: 'ubuntu-2204-kube-v1.33',
    },
    'vsphere:cluster:create': {
      namespace: 'demo',
      name: uniqueName('deny-c'),
      version: 'v1.33.3+vmware.1-fips',
      vmClass: 'best-effort-small',
      storageClass: 'vsan-default-storage-policy',
      nodePools: [{ name: 'workers', replicas: 1 }],
    },
    'vsphere:nodepool:create': {
      namespace: 'demo',
      cluster: 'demo-cluster',
      name: 'deny-pool',
      replicas: 1,
    },
    'vsphere:nodepool:scale': {
      namespace: 'demo',
      cluster: 'demo-cluster',
      name: 'np-small',
      replicas: 7,
    },
    'vsphere:nodepool:delete': {
      namespace: 'demo',
      cluster: 'demo-cluster',
      name: 'np-large',
    },
  };
}

/** What a request that changes something looks like in the simulator's recorder. */
function mutations(fromLine: number) {
  return readRecordedRequests(env, fromLine).filter(
    r =>
      r.method !== 'GET' &&
      !r.path.includes('/session') &&
      ![
        'RetrievePropertiesEx',
        'ContinueRetrievePropertiesEx',
        'Login',
        'RetrieveServiceContent',
        'CreateContainerView',
        'DestroyView',
        'PbmRetrieveContent',
        'PbmQueryProfile',
        'PbmRetrieveServiceContent',
      ].includes(r.operation ?? ''),
  );
}

async function demoState() {
  const sv = clients.supervisor();
  const [namespace, cluster, vms] = await Promise.all([
    clients.vcenter().getNamespace('demo'),
    sv.getWorkloadCluster('demo', 'demo-cluster'),
    sv.listVirtualMachines('demo'),
  ]);
  return {
    description: namespace.description,
    pools: cluster.nodePools.map(p => [p.name, p.desiredReplicas]),
    vms: vms.map(vm => vm.name).sort(),
  };
}

describe('vsphere actions under a deny-all policy', () => {
  it('refuses every action before anything changes upstream', async () => {
    const { options, authorize } = testenvActionOptions(clients);
    authorize.mockImplementation(async (requests: unknown[]) =>
      requests.map(() => ({ result: AuthorizeResult.DENY })),
    );
    const before = await demoState();
    const actions = createVsphereActions(options);
    const given = inputs();
    expect(actions.map(a => a.id).sort()).toEqual(Object.keys(given).sort());
    for (const action of actions) {
      const mark = recorderPosition(env);
      await expect(
        runAction(action, { ...given[action.id], timeoutSeconds: 5 }),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringMatching(
          /^Not allowed to .*the permission policy denies 'vsphere\./,
        ),
      });
      expect([action.id, mutations(mark)]).toEqual([action.id, []]);
    }
    expect(await demoState()).toEqual(before);
  });
});

describe('vsphere actions given path syntax in their inputs', () => {
  it.each([
    [
      'vsphere:namespace:update',
      { name: '..' },
      "name: '..' is not a DNS-1123 label",
    ],
    [
      'vsphere:namespace:delete',
      { name: 'demo/../team-a' },
      "name: 'demo/../team-a' is not a DNS-1123 label",
    ],
    [
      'vsphere:vm:create',
      {
        namespace: '..',
        name: 'x',
        className: 'best-effort-small',
        imageName: 'ubuntu-2204-kube-v1.33',
      },
      "namespace: '..' is not a DNS-1123 label",
    ],
    [
      'vsphere:nodepool:scale',
      { namespace: 'demo', cluster: '%2e%2e', name: 'np-small', replicas: 1 },
      "cluster: '%2e%2e' is not a DNS-1123 label",
    ],
    [
      'vsphere:nodepool:delete',
      { namespace: 'demo', cluster: 'demo-cluster', name: '../np-large' },
      "name: '../np-large' is not a DNS-1123 label",
    ],
  ])(
    '%s refuses %j naming the field, and sends nothing',
    async (id, input, message) => {
      const { options } = testenvActionOptions(clients);
      const action = createVsphereActions(options).find(a => a.id === id)!;
      const mark = recorderPosition(env);
      await expect(
        runAction(action, input as JsonObject),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining(message),
      });
      expect(mutations(mark)).toEqual([]);
    },
  );
});
