import { JsonObject } from '@backstage/types';
import {
  exampleInputs,
  readyCluster,
  runAction,
  testenvActionOptions,
  testenvClients,
  uniqueName,
} from '../__testUtils__/testenv';
import { createVsphereNodePoolCreateAction } from './vsphereNodePoolCreate';
import { examples as createExamples } from './vsphereNodePoolCreate.examples';
import { createVsphereNodePoolDeleteAction } from './vsphereNodePoolDelete';
import { examples as deleteExamples } from './vsphereNodePoolDelete.examples';
import { createVsphereNodePoolScaleAction } from './vsphereNodePoolScale';
import { examples as scaleExamples } from './vsphereNodePoolScale.examples';

// The examples name the seed cluster; they run on a cluster of their own so the seed stays as it is.
jest.setTimeout(180_000);

const { clients } = testenvClients();
const cluster = uniqueName('ex-np');
const onOwnCluster = (input: JsonObject) => ({ ...input, cluster });

beforeAll(() => readyCluster(clients, cluster));

afterAll(async () => {
  await clients
    .supervisor()
    .deleteCluster('demo', cluster)
    .catch(() => {});
  await clients.close();
});

describe('node pool examples', () => {
  it.each(exampleInputs(createExamples))(
    'vsphere:nodepool:create: %s',
    async (_, input) => {
      const { options } = testenvActionOptions(clients);
      const { outputs } = await runAction(
        createVsphereNodePoolCreateAction(options),
        onOwnCluster(input),
      );
      expect(outputs).toMatchObject({
        nodePool: input.name,
        created: true,
        readyReplicas: input.replicas,
      });
    },
  );

  it.each(exampleInputs(scaleExamples))(
    'vsphere:nodepool:scale: %s',
    async (_, input) => {
      const { options } = testenvActionOptions(clients);
      const { outputs } = await runAction(
        createVsphereNodePoolScaleAction(options),
        { ...onOwnCluster(input), name: 'workers' },
      );
      expect(outputs).toMatchObject({
        replicas: input.replicas,
        readyReplicas: input.replicas,
      });
    },
  );

  it.each(exampleInputs(deleteExamples))(
    'vsphere:nodepool:delete: %s',
    async (_, input) => {
      const { options } = testenvActionOptions(clients);
      const { outputs } = await runAction(
        createVsphereNodePoolDeleteAction(options),
        onOwnCluster(input),
      );
      expect(outputs).toMatchObject({ nodePool: input.name, deleted: true });
    },
  );
});
