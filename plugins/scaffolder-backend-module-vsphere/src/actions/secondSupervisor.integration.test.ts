import {
  runAction,
  testenvActionOptions,
  testenvClients,
  uniqueName,
} from '../__testUtils__/testenv';
import { createVsphereNamespaceCreateAction } from './vsphereNamespaceCreate';
import { createVsphereVmCreateAction } from './vsphereVmCreate';

jest.setTimeout(180_000);

// One vCenter with both of the testenv's Supervisors configured: the actions name the second.
const { env, clients } = testenvClients({ bothSupervisors: true });
const first = clients.supervisor(undefined, 'supervisor');
const second = clients.supervisor(undefined, 'supervisor2');
const namespaces: string[] = [];
const vms: string[] = [];

const exists = (read: Promise<unknown>) =>
  read.then(
    () => true,
    error => (error.name === 'NotFoundError' ? false : Promise.reject(error)),
  );

afterAll(async () => {
  await Promise.allSettled(
    vms.map(name => second.deleteVirtualMachine('team-b', name)),
  );
  await Promise.allSettled(
    namespaces.map(name => clients.vcenter().deleteNamespace(name)),
  );
  await clients.close();
});

describe('actions that name the second Supervisor of a vCenter', () => {
  it('create a VM there, placed in its own cluster, and nothing on the first', async () => {
    const deps = testenvActionOptions(clients);
    const action = createVsphereVmCreateAction(deps.options);
    const name = uniqueName('it-sv2-vm');
    vms.push(name);

    const { outputs } = await runAction(action, {
      supervisor: 'supervisor2',
      namespace: 'team-b',
      name,
      className: 'best-effort-small',
      imageName: 'ubuntu-2204-kube-v1.33',
    });

    expect(outputs).toMatchObject({
      namespace: 'team-b',
      name,
      powerState: 'PoweredOn',
      created: true,
    });
    expect(
      await exists(second.get('VirtualMachine', name, { namespace: 'team-b' })),
    ).toBe(true);
    expect(
      await exists(first.get('VirtualMachine', name, { namespace: 'team-b' })),
    ).toBe(false);
    // vCenter placed it on the second Supervisor's cluster, whose hosts are esx-wcp2-*
    const vcenterVm = (await clients.vcenter().listVms()).find(
      vm => vm.moref === outputs.uniqueId,
    );
    expect(vcenterVm?.hostName).toMatch(/^esx-wcp2-/);
  });

  it('create a namespace on its cluster, which then exists on that Supervisor only', async () => {
    const deps = testenvActionOptions(clients);
    const action = createVsphereNamespaceCreateAction(deps.options);
    const name = uniqueName('it-sv2-ns');
    namespaces.push(name);

    const { outputs } = await runAction(action, {
      supervisor: 'supervisor2',
      name,
    });

    expect(outputs).toMatchObject({ created: true, configStatus: 'RUNNING' });
    const created = await clients.vcenter().getNamespace(name);
    expect(created.cluster).toBe(env.vcenter.wcp2ClusterId);
    expect(await exists(second.get('Namespace', name))).toBe(true);
    expect(await exists(first.get('Namespace', name))).toBe(false);
  });
});
