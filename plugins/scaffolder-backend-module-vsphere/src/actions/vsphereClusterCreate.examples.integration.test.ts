import {
  exampleInputs,
  runAction,
  testenvActionOptions,
  testenvClients,
  uniqueName,
} from '../__testUtils__/testenv';
import { createVsphereClusterCreateAction } from './vsphereClusterCreate';
import { examples } from './vsphereClusterCreate.examples';

jest.setTimeout(180_000);

const { clients } = testenvClients();
const created: string[] = [];

afterAll(async () => {
  const supervisor = clients.supervisor();
  await Promise.allSettled(
    created.map(n => supervisor.deleteCluster('demo', n)),
  );
  await clients.close();
});

describe('vsphere:cluster:create examples', () => {
  it.each(exampleInputs(examples))('%s', async (_, input) => {
    const { options } = testenvActionOptions(clients);
    const name = uniqueName('ex-cl');
    created.push(name);

    const { outputs } = await runAction(
      createVsphereClusterCreateAction(options),
      { ...input, name },
    );

    expect(outputs).toMatchObject({
      name,
      phase: 'Provisioned',
      created: true,
    });
    const pools = outputs.nodePools as Array<{
      replicas: number;
      readyReplicas: number;
    }>;
    expect(pools.length).toBeGreaterThan(0);
    expect(pools.every(p => p.readyReplicas === p.replicas)).toBe(true);
  });
});
