import {
  exampleInputs,
  runAction,
  testenvActionOptions,
  testenvClients,
  uniqueName,
} from '../__testUtils__/testenv';
import { createVsphereNamespaceDeleteAction } from './vsphereNamespaceDelete';
import { examples } from './vsphereNamespaceDelete.examples';

jest.setTimeout(60_000);

const { env, clients } = testenvClients();

afterAll(() => clients.close());

describe('vsphere:namespace:delete examples', () => {
  it.each(exampleInputs(examples))('%s', async (_, input) => {
    const { options } = testenvActionOptions(clients);
    const name = uniqueName('ex-nsd');
    await clients.vcenter().createNamespace({
      cluster: env.vcenter.wcpClusterId,
      namespace: name,
    });

    const { outputs } = await runAction(
      createVsphereNamespaceDeleteAction(options),
      { ...input, name },
    );

    expect(outputs).toMatchObject({ namespace: name, deleted: true });
    await expect(clients.vcenter().getNamespace(name)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });
});
