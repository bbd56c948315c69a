import {
  mutatingRequests,
  recorderPosition,
  runAction,
  runActionFailing,
  testenvActionOptions,
  testenvClients,
  uniqueName,
} from '../__testUtils__/testenv';
import { createVsphereNamespaceCreateAction } from '../actions/vsphereNamespaceCreate';
import { createVsphereNodePoolScaleAction } from '../actions/vsphereNodePoolScale';

jest.setTimeout(120_000);

const { env, clients } = testenvClients();

afterAll(() => clients.close());

// WCP-Cluster: 3 hosts of 16 x 2.6 GHz and 256 GiB (testenv/vcsim/usage.go)
const HOSTS_MEMORY = 'the hosts have 768 GiB';

describe('fit check before provisioning, against the testenv', () => {
  it('refuses a namespace whose memory limit exceeds the cluster, with the numbers, and sends nothing', async () => {
    const { options } = testenvActionOptions(clients);
    const action = createVsphereNamespaceCreateAction(options);
    const name = uniqueName('it-fit');
    const since = recorderPosition(env);
    const input = { name, memoryLimit: '2Ti', cpuLimit: '10GHz' };

    const { error } = await runActionFailing(action, input);
    const dry = await runActionFailing(action, input, { isDryRun: true });

    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(
      new RegExp(
        `^Fit check: the limits of namespace '${name}' cannot fit: cluster 'WCP-Cluster' memory: asked a limit of 2048 GiB, ${HOSTS_MEMORY} \\(\\d+(\\.\\d)? GiB free\\)$`,
      ),
    );
    expect(dry.error.message).toBe(error.message);
    expect(mutatingRequests(env, since, name)).toEqual([]);
    expect(
      (await clients.vcenter().listNamespaces()).map(n => n.name),
    ).not.toContain(name);
  });

  it('warns, not fails, in a dry run when namespaces would be promised more than the ratio', async () => {
    const { options } = testenvActionOptions(clients);
    const action = createVsphereNamespaceCreateAction({
      ...options,
      overcommitWarnRatio: 0.5,
    });
    const name = uniqueName('it-fit');

    const { lines } = await runAction(
      action,
      { name, cpuLimit: '100GHz' },
      { isDryRun: true },
    );

    // demo promises 20 GHz; 120 GHz of 124.8 GHz is 0.96x
    expect(lines).toContain(
      "warn: Fit check: namespaces on cluster 'WCP-Cluster' would be promised 120 GHz CPU, 0.96× the hosts' 124.8 GHz (warning above 0.5×)",
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^info: Dry run: would create/),
    );
  });

  it("refuses to scale demo's node pool past the namespace's memory limit, leaving the cluster as it was", async () => {
    const { options } = testenvActionOptions(clients);
    const action = createVsphereNodePoolScaleAction(options);
    const supervisor = clients.supervisor();
    const before = await supervisor.getWorkloadCluster('demo', 'demo-cluster');
    const pool = before.nodePools.find(p => p.name === 'np-large')!;

    const { error } = await runActionFailing(action, {
      namespace: 'demo',
      cluster: 'demo-cluster',
      name: 'np-large',
      replicas: pool.desiredReplicas + 4,
    });

    // guaranteed-large is 4 vCPU and 16 GiB; demo may use 20 GHz and 64 GiB, and uses 7.8 GHz and 28 GiB
    expect(error.message).toBe(
      "Fit check: 4 more node(s) of class guaranteed-large for node pool 'np-large' cannot fit: namespace 'demo' CPU: asked 41.6 GHz, free 12.2 GHz of the 20 GHz limit; namespace 'demo' memory: asked 64 GiB, free 36 GiB of the 64 GiB limit",
    );
    const after = await supervisor.getWorkloadCluster('demo', 'demo-cluster');
    expect(
      after.nodePools.find(p => p.name === 'np-large')!.desiredReplicas,
    ).toBe(pool.desiredReplicas);
  });
});
