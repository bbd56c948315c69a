import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CheckpointStore,
  eventually,
  readyCluster,
  runAction,
  runActionFailing,
  testenvActionOptions,
  testenvClients,
  uniqueName,
} from '../__testUtils__/testenv';
import { createVsphereNodePoolCreateAction } from './vsphereNodePoolCreate';
import { createVsphereNodePoolDeleteAction } from './vsphereNodePoolDelete';
import { createVsphereNodePoolScaleAction } from './vsphereNodePoolScale';

// The three node pool actions share one cluster: creating clusters is the slow part.
jest.setTimeout(180_000);

const { env, clients } = testenvClients();
const supervisor = clients.supervisor();
const cluster = uniqueName('it-np');
const target = { namespace: 'demo', cluster };

function setup() {
  const deps = testenvActionOptions(clients);
  return {
    ...deps,
    create: createVsphereNodePoolCreateAction(deps.options),
    scale: createVsphereNodePoolScaleAction(deps.options),
    remove: createVsphereNodePoolDeleteAction(deps.options),
  };
}

/** The topology entries of the cluster, as stored. */
async function topologyPools() {
  const object = await supervisor.get('Cluster', cluster, {
    namespace: 'demo',
  });
  const spec = object.spec as {
    topology: {
      workers: { machineDeployments: Array<Record<string, unknown>> };
    };
  };
  return spec.topology.workers.machineDeployments;
}

const deploymentOf = async (pool: string) =>
  supervisor.list('MachineDeployment', {
    namespace: 'demo',
    labelSelector: `cluster.x-k8s.io/cluster-name=${cluster},topology.cluster.x-k8s.io/deployment-name=${pool}`,
  });

beforeAll(() => readyCluster(clients, cluster));

afterAll(async () => {
  await supervisor.deleteCluster('demo', cluster).catch(() => {});
  await clients.close();
});

describe('vsphere:nodepool:create against the testenv', () => {
  it('adds the pool to the Cluster topology and waits for its nodes', async () => {
    const { create, authorize, auditEvent } = setup();

    const { outputs, lines } = await runAction(create, {
      ...target,
      name: 'large',
      replicas: 1,
      vmClass: 'guaranteed-large',
      storageClass: 'k8s-gold',
    });

    expect(await topologyPools()).toEqual([
      expect.objectContaining({ name: 'workers', replicas: 1 }),
      {
        class: 'node-pool',
        name: 'large',
        replicas: 1,
        variables: {
          overrides: [
            { name: 'vmClass', value: 'guaranteed-large' },
            { name: 'storageClass', value: 'k8s-gold' },
          ],
        },
      },
    ]);
    const [deployment] = await deploymentOf('large');
    expect(deployment.status).toMatchObject({ readyReplicas: 1 });
    expect(outputs).toEqual({
      vcenter: 'testenv',
      namespace: 'demo',
      cluster,
      nodePool: 'large',
      entityRef: `resource:default/demo.cluster.${cluster}`,
      vsphereClientUrl: `${env.vcenter.url}/ui/app/namespaces/demo/summary`,
      kubectlLoginCommand: `kubectl vsphere login --server=127.0.0.1 --vsphere-username YOUR-NAME@vsphere.local --tanzu-kubernetes-cluster-namespace demo --tanzu-kubernetes-cluster-name ${cluster} && kubectl config use-context ${cluster}`,
      replicas: 1,
      readyReplicas: 1,
      created: true,
    });
    expect(lines).toContainEqual(
      expect.stringMatching(/^info: Node pool 'large': 0 of 1 replicas ready/),
    );
    expect(authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'vsphere.nodepool.create',
          }),
          resourceRef: `resource:default/demo.cluster.${cluster}`,
        },
      ],
      expect.anything(),
    );
    expect(auditEvent.success).toHaveBeenCalledTimes(1);
  });

  it('does not add it twice, and names what differs in a conflict', async () => {
    const { create } = setup();
    const add = jest.spyOn(supervisor, 'addNodePool');
    const input = {
      ...target,
      name: 'large',
      replicas: 1,
      vmClass: 'guaranteed-large',
      storageClass: 'k8s-gold',
    };

    const again = await runAction(create, input);
    const { error } = await runActionFailing(create, {
      ...input,
      replicas: 2,
      vmClass: 'best-effort-medium',
    });

    expect(again.outputs.created).toBe(false);
    expect(add).not.toHaveBeenCalled();
    add.mockRestore();
    expect(error.name).toBe('ConflictError');
    expect(error.message).toBe(
      `Node pool 'large' already exists in cluster '${cluster}' and differs in: replicas, vmClass; scale it with vsphere:nodepool:scale or choose another name`,
    );
    expect((await topologyPools()).map(p => p.name)).toEqual([
      'workers',
      'large',
    ]);
  });

  it('completes a retry after a crash without adding the pool again', async () => {
    const { create } = setup();
    const add = jest.spyOn(supervisor, 'addNodePool');
    const checkpoints = new CheckpointStore();
    checkpoints.crashAfterStore = true;
    const input = { ...target, name: 'retried', replicas: 1 };

    await runActionFailing(create, input, { checkpoints });
    checkpoints.crashAfterStore = false;
    const retry = await runAction(create, input, { checkpoints });

    expect(add).toHaveBeenCalledTimes(1);
    add.mockRestore();
    expect(retry.outputs).toMatchObject({ created: true, readyReplicas: 1 });
    expect(
      (await topologyPools()).filter(p => p.name === 'retried'),
    ).toHaveLength(1);
  });

  it('reports in a dry run and changes nothing', async () => {
    const { create } = setup();
    const before = await topologyPools();

    const { lines, outputs } = await runAction(
      create,
      { ...target, name: 'dry', replicas: 2, vmClass: 'best-effort-medium' },
      { isDryRun: true },
    );

    expect(lines).toContainEqual(
      expect.stringMatching(
        /^info: Dry run: would add node pool 'dry' with 2 node\(s\) of class best-effort-medium to cluster '.*' \(now: workers 1\/1 ready, large 1\/1 ready, retried 1\/1 ready\)$/,
      ),
    );
    expect(outputs).toMatchObject({ created: false, readyReplicas: 0 });
    expect(await topologyPools()).toEqual(before);
  });

  it("accepts a zone of the namespace as the pool's failure domain in a dry run", async () => {
    const { create } = setup();
    const before = await topologyPools();

    const { outputs } = await runAction(
      create,
      { ...target, name: 'zoned', replicas: 1, failureDomain: 'zone-a' },
      { isDryRun: true },
    );

    expect(outputs).toMatchObject({ created: false });
    expect(await topologyPools()).toEqual(before);
  });

  describe('rejects bad input naming the field and the rule, and changes nothing', () => {
    it.each([
      [{ name: 'Big_Pool' }, /^name: 'Big_Pool' is not a DNS-1123 label/],
      [
        { replicas: 101 },
        /^Invalid input passed to action vsphere:nodepool:create, instance\.replicas must be less than or equal to 100$/,
      ],
      [
        { replicas: -1 },
        /^Invalid input passed to action vsphere:nodepool:create, instance\.replicas must be greater than or equal to 0$/,
      ],
      [
        { vmClass: 'huge' },
        /^vmClass: 'huge' is not a VM class of namespace 'demo'; valid: best-effort-medium, best-effort-small, guaranteed-large$/,
      ],
      [
        { storageClass: 'gold' },
        /^storageClass: 'gold' is not a storage class of namespace 'demo'/,
      ],
      [
        { failureDomain: 'zone-c' },
        /^failureDomain: 'zone-c' is not a zone of namespace 'demo' on Supervisor 'supervisor' \(domain-c\d+\) of vCenter 'testenv'; valid zones: zone-a, zone-b$/,
      ],
      [
        { cluster: 'nowhere' },
        /^cluster: 'nowhere' is not a cluster in namespace 'demo'; valid: .*demo-cluster/,
      ],
      [
        { namespace: 'nowhere' },
        /^namespace: 'nowhere' is not a namespace of Supervisor 'supervisor'/,
      ],
    ])('%j', async (override, message) => {
      const { create } = setup();
      const before = await topologyPools();

      const { error } = await runActionFailing(create, {
        ...target,
        name: 'bad',
        replicas: 1,
        ...override,
      });

      expect(error.name).toBe('InputError');
      expect(error.message).toMatch(message);
      expect(await topologyPools()).toEqual(before);
    });
  });
});

describe('vsphere:nodepool:scale against the testenv', () => {
  it('sets the replicas in the topology and waits until they are ready', async () => {
    const { scale, authorize } = setup();

    const { outputs } = await runAction(scale, {
      ...target,
      name: 'large',
      replicas: 2,
    });

    expect((await topologyPools()).find(p => p.name === 'large')).toMatchObject(
      {
        replicas: 2,
      },
    );
    const [deployment] = await deploymentOf('large');
    expect(deployment.status).toMatchObject({ readyReplicas: 2 });
    expect(outputs).toMatchObject({
      nodePool: 'large',
      previousReplicas: 1,
      replicas: 2,
      readyReplicas: 2,
      entityRef: `resource:default/demo.cluster.${cluster}`,
    });
    expect(authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'vsphere.nodepool.scale',
          }),
          resourceRef: `resource:default/demo.cluster.${cluster}`,
        },
      ],
      expect.anything(),
    );
  });

  it('writes once when run again or retried', async () => {
    const { scale } = setup();
    const write = jest.spyOn(supervisor, 'scaleNodePool');
    const checkpoints = new CheckpointStore();
    checkpoints.crashBeforeStore = true;
    const input = { ...target, name: 'large', replicas: 1 };

    await runActionFailing(scale, input, { checkpoints });
    checkpoints.crashBeforeStore = false;
    const retry = await runAction(scale, input, { checkpoints });
    const again = await runAction(scale, input);

    expect(write).toHaveBeenCalledTimes(1);
    write.mockRestore();
    expect(retry.outputs).toMatchObject({
      previousReplicas: 1,
      readyReplicas: 1,
    });
    expect(again.outputs).toMatchObject({
      previousReplicas: 1,
      readyReplicas: 1,
    });
  });

  it('reports in a dry run and changes nothing', async () => {
    const { scale } = setup();
    const before = await topologyPools();

    // one more guaranteed-large node fits demo's seeded limits; four more do not (fitCheck tests)
    const { lines } = await runAction(
      scale,
      { ...target, name: 'large', replicas: 2 },
      { isDryRun: true },
    );

    expect(lines).toContain(
      `info: Dry run: would scale node pool 'large' of cluster '${cluster}' from 1 to 2 replicas`,
    );
    expect(await topologyPools()).toEqual(before);
  });

  it('stops waiting as soon as the task is cancelled', async () => {
    const { scale } = setup();
    const controller = new AbortController();
    let abortedAt = 0;

    const { error } = await runActionFailing(
      scale,
      { ...target, name: 'retried', replicas: 3 },
      {
        signal: controller.signal,
        onLog: line => {
          if (/^info: Node pool 'retried': \d of 3/.test(line) && !abortedAt) {
            abortedAt = Date.now();
            controller.abort();
          }
        },
      },
    );

    expect(abortedAt).toBeGreaterThan(0);
    expect(error.message).toBe(
      `Cancelled while waiting for node pool 'retried' of cluster '${cluster}' to be ready`,
    );
    expect(Date.now() - abortedAt).toBeLessThan(1_000);
  });

  it('refuses when the policy denies the initiator', async () => {
    const { scale, authorize } = setup();
    authorize.mockResolvedValueOnce([{ result: AuthorizeResult.DENY }] as any);
    const before = await topologyPools();

    const { error } = await runActionFailing(scale, {
      ...target,
      name: 'large',
      replicas: 4,
    });

    expect(error.name).toBe('NotAllowedError');
    expect(await topologyPools()).toEqual(before);
  });

  describe('rejects bad input naming the field and the rule, and changes nothing', () => {
    it.each([
      [
        { name: 'missing' },
        /^name: 'missing' is not a node pool of cluster '.*'; valid: large, retried, workers$/,
      ],
      [
        { replicas: 1000 },
        /^Invalid input passed to action vsphere:nodepool:scale, instance\.replicas must be less than or equal to 100$/,
      ],
      [
        { replicas: 0.5 },
        /^Invalid input passed to action vsphere:nodepool:scale, instance\.replicas is not of a type\(s\) integer$/,
      ],
      [
        { cluster: 'nowhere' },
        /^cluster: 'nowhere' is not a cluster in namespace 'demo'/,
      ],
    ])('%j', async (override, message) => {
      const { scale } = setup();
      const before = await topologyPools();

      const { error } = await runActionFailing(scale, {
        ...target,
        name: 'large',
        replicas: 2,
        ...override,
      });

      expect(error.name).toBe('InputError');
      expect(error.message).toMatch(message);
      expect(await topologyPools()).toEqual(before);
    });
  });
});

describe('vsphere:nodepool:delete against the testenv', () => {
  it('reports in a dry run and changes nothing', async () => {
    const { remove } = setup();
    const before = await topologyPools();

    const { lines } = await runAction(
      remove,
      { ...target, name: 'large' },
      { isDryRun: true },
    );

    expect(lines).toContain(
      `info: Dry run: would remove node pool 'large' and its nodes from cluster '${cluster}'`,
    );
    expect(await topologyPools()).toEqual(before);
  });

  it('removes the pool from the topology and waits until its machines are gone', async () => {
    const { remove, authorize, auditEvent } = setup();

    const { outputs } = await runAction(remove, { ...target, name: 'large' });

    expect((await topologyPools()).map(p => p.name)).toEqual([
      'workers',
      'retried',
    ]);
    expect(await deploymentOf('large')).toEqual([]);
    expect(outputs).toMatchObject({ nodePool: 'large', deleted: true });
    expect(authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'vsphere.nodepool.delete',
          }),
          resourceRef: `resource:default/demo.cluster.${cluster}`,
        },
      ],
      expect.anything(),
    );
    expect(auditEvent.success).toHaveBeenCalledTimes(1);
  });

  it('succeeds without another write when the pool is already gone', async () => {
    const { remove } = setup();
    const write = jest.spyOn(supervisor, 'removeNodePool');

    const { outputs } = await runAction(remove, { ...target, name: 'large' });

    expect(outputs.deleted).toBe(false);
    expect(write).not.toHaveBeenCalled();
    write.mockRestore();
  });

  it('completes a retry after a crash without a second write', async () => {
    const { remove } = setup();
    const write = jest.spyOn(supervisor, 'removeNodePool');
    const checkpoints = new CheckpointStore();
    checkpoints.crashBeforeStore = true;

    await runActionFailing(
      remove,
      { ...target, name: 'retried' },
      { checkpoints },
    );
    checkpoints.crashBeforeStore = false;
    const retry = await runAction(
      remove,
      { ...target, name: 'retried' },
      { checkpoints },
    );

    expect(write).toHaveBeenCalledTimes(1);
    write.mockRestore();
    expect(retry.outputs.deleted).toBe(false);
    await eventually(
      () => deploymentOf('retried'),
      list => list.length === 0,
    );
  });
});
