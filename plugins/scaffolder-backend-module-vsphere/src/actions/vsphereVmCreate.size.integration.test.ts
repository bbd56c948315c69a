import {
  runAction,
  runActionFailing,
  testenvActionOptions,
  testenvClients,
  uniqueName,
} from '../__testUtils__/testenv';
import { createVsphereVmCreateAction } from './vsphereVmCreate';

jest.setTimeout(120_000);

// The testenv's first Supervisor serves VM Operator v1alpha1..v1alpha6 with v1alpha6 as the
// storage version, so the action writes v1alpha6 and may size a VM apart from its class.
const { clients } = testenvClients();
const supervisor = clients.supervisor();
const created: string[] = [];

afterAll(async () => {
  await Promise.allSettled(
    created.map(n => supervisor.deleteVirtualMachine('demo', n)),
  );
  await clients.close();
});

describe('vsphere:vm:create with a size of its own (VM Operator v1alpha6)', () => {
  it('writes spec.resources.size, is idempotent with it, and refuses another size naming the field', async () => {
    const { options } = testenvActionOptions(clients);
    const action = createVsphereVmCreateAction(options);
    const name = uniqueName('it-vm-size');
    created.push(name);
    const input = {
      namespace: 'demo',
      name,
      className: 'best-effort-small',
      imageName: 'ubuntu-2204-kube-v1.33',
      powerState: 'PoweredOff',
      cpus: 4,
      memory: '6GiB',
    };

    const first = await runAction(action, input);
    expect(first.outputs).toMatchObject({
      created: true,
      powerState: 'PoweredOff',
    });
    const vm = await supervisor.get('VirtualMachine', name, {
      namespace: 'demo',
    });
    expect(vm.apiVersion).toBe('vmoperator.vmware.com/v1alpha6');
    expect(vm.spec).toMatchObject({
      className: 'best-effort-small',
      resources: { size: { cpu: 4, memory: '6Gi' } },
    });

    const again = await runAction(action, input);
    expect(again.outputs).toMatchObject({ created: false });

    const { error } = await runActionFailing(action, { ...input, cpus: 2 });
    expect(error.message).toBe(
      `VM '${name}' already exists in namespace 'demo' and differs in: size; choose another name`,
    );
  });

  it('rejects a bad size naming the field and the rule before anything is created', async () => {
    const { options } = testenvActionOptions(clients);
    const action = createVsphereVmCreateAction(options);
    const name = uniqueName('it-vm-badsize');
    const { error } = await runActionFailing(action, {
      namespace: 'demo',
      name,
      className: 'best-effort-small',
      imageName: 'ubuntu-2204-kube-v1.33',
      cpus: 0,
      memory: '6GB',
    });
    expect(error.name).toBe('InputError');
    expect(error.message).toContain(
      'cpus: 0 must be a whole number of vCPUs from 1 to 768',
    );
    expect(error.message).toContain("memory: '6GB' is not a quantity");
    await expect(
      supervisor.get('VirtualMachine', name, { namespace: 'demo' }),
    ).rejects.toThrow(/not found/i);
  });
});
