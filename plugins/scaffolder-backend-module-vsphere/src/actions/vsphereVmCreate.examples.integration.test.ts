import {
  exampleInputs,
  runAction,
  testenvActionOptions,
  testenvClients,
  uniqueName,
} from '../__testUtils__/testenv';
import { createVsphereVmCreateAction } from './vsphereVmCreate';
import { examples } from './vsphereVmCreate.examples';

jest.setTimeout(60_000);

const { clients } = testenvClients();
const created: string[] = [];

afterAll(async () => {
  const supervisor = clients.supervisor();
  await Promise.allSettled(
    created.map(n => supervisor.deleteVirtualMachine('demo', n)),
  );
  await clients.close();
});

describe('vsphere:vm:create examples', () => {
  it.each(exampleInputs(examples))('%s', async (_, input) => {
    const { options } = testenvActionOptions(clients);
    const name = uniqueName('ex-vm');
    created.push(name);

    const { outputs } = await runAction(createVsphereVmCreateAction(options), {
      ...input,
      name,
    });

    expect(outputs).toMatchObject({
      name,
      powerState: 'PoweredOn',
      uniqueId: expect.stringMatching(/^vm-/),
      created: true,
    });
  });
});
