import {
  exampleInputs,
  runAction,
  testenvActionOptions,
  testenvClients,
  uniqueName,
} from '../__testUtils__/testenv';
import { createVsphereNamespaceCreateAction } from './vsphereNamespaceCreate';
import { examples } from './vsphereNamespaceCreate.examples';

jest.setTimeout(60_000);

const { clients } = testenvClients();
const created: string[] = [];

afterAll(async () => {
  const vc = clients.vcenter();
  await Promise.allSettled(created.map(n => vc.deleteNamespace(n)));
  await clients.close();
});

describe('vsphere:namespace:create examples', () => {
  it.each(exampleInputs(examples))('%s', async (_, input) => {
    const { options } = testenvActionOptions(clients);
    const name = uniqueName('ex-ns');
    created.push(name);

    const { outputs } = await runAction(
      createVsphereNamespaceCreateAction(options),
      { ...input, name },
    );

    expect(outputs).toMatchObject({
      namespace: name,
      configStatus: 'RUNNING',
      created: true,
    });
    await expect(clients.vcenter().getNamespace(name)).resolves.toMatchObject({
      configStatus: 'RUNNING',
    });
  });
});
