import {
  exampleInputs,
  runAction,
  testenvActionOptions,
  testenvClients,
  uniqueName,
} from '../__testUtils__/testenv';
import { createVsphereNamespaceUpdateAction } from './vsphereNamespaceUpdate';
import { examples } from './vsphereNamespaceUpdate.examples';

jest.setTimeout(60_000);

const { env, clients } = testenvClients();
const created: string[] = [];

afterAll(async () => {
  const vc = clients.vcenter();
  await Promise.allSettled(created.map(n => vc.deleteNamespace(n)));
  await clients.close();
});

describe('vsphere:namespace:update examples', () => {
  it.each(exampleInputs(examples))('%s', async (_, input) => {
    const { options } = testenvActionOptions(clients);
    const name = uniqueName('ex-nsu');
    created.push(name);
    await clients.vcenter().createNamespace({
      cluster: env.vcenter.wcpClusterId,
      namespace: name,
      vmServiceSpec: { vmClasses: ['best-effort-small'], contentLibraries: [] },
    });

    const { outputs } = await runAction(
      createVsphereNamespaceUpdateAction(options),
      { ...input, name },
    );

    expect(outputs.configStatus).toBe('RUNNING');
    expect((outputs.changedFields as string[]).length).toBeGreaterThan(0);
  });
});
