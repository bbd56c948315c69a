import {
  CheckpointStore,
  mutatingRequests,
  recorderPosition,
  runAction,
  runActionFailing,
  testenvActionOptions,
  testenvClients,
  uniqueName,
} from '../__testUtils__/testenv';
import { createVsphereNamespaceDeleteAction } from './vsphereNamespaceDelete';

jest.setTimeout(120_000);

const { env, clients } = testenvClients();
const vcenter = clients.vcenter();
const supervisor = clients.supervisor();
const created: string[] = [];

function setup() {
  const deps = testenvActionOptions(clients);
  return { ...deps, action: createVsphereNamespaceDeleteAction(deps.options) };
}

async function existingNamespace(): Promise<string> {
  const name = uniqueName('it-nsd');
  created.push(name);
  await vcenter.createNamespace({
    cluster: env.vcenter.wcpClusterId,
    namespace: name,
  });
  return name;
}

/** Resolves once the Supervisor has mirrored the namespace into Kubernetes. */
async function kubernetesNamespace(name: string) {
  for (let i = 0; i < 100; i++) {
    try {
      return await supervisor.getNamespace(name);
    } catch {
      await new Promise(r => setTimeout(r, 100));
    }
  }
  throw new Error(`namespace ${name} never appeared`);
}

const deletes = (since: number, name: string) =>
  mutatingRequests(env, since, name).filter(r => r.method === 'DELETE');

afterAll(async () => {
  await Promise.allSettled(created.map(n => vcenter.deleteNamespace(n)));
  await clients.close();
});

describe('vsphere:namespace:delete against the testenv', () => {
  it('deletes the namespace and waits until vCenter no longer has it', async () => {
    const { action, authorize, auditEvent, events } = setup();
    const name = await existingNamespace();
    const since = recorderPosition(env);

    const { outputs, lines } = await runAction(action, { name });

    expect(deletes(since, name)).toMatchObject([
      { path: `/api/vcenter/namespaces/instances/${name}` },
    ]);
    await expect(vcenter.getNamespace(name)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    expect(outputs).toEqual({
      vcenter: 'testenv',
      namespace: name,
      entityRef: `resource:default/${name}`,
      deleted: true,
    });
    expect(lines).toContainEqual(
      expect.stringMatching(/^info: Done after \d+s: Namespace '.*' is gone$/),
    );
    expect(authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'vsphere.namespace.delete',
          }),
          resourceRef: `resource:default/${name}`,
        },
      ],
      expect.anything(),
    );
    expect(auditEvent.success).toHaveBeenCalledTimes(1);
    // the catalog drops its entities at once
    expect(events.publish).toHaveBeenCalledWith({
      topic: 'vsphere.resource.created',
      eventPayload: {
        vcenter: 'testenv',
        kind: 'namespace',
        namespace: name,
        name,
      },
    });
  });

  it('succeeds without a second delete when run again or retried', async () => {
    const { action } = setup();
    const name = await existingNamespace();
    const checkpoints = new CheckpointStore();
    checkpoints.crashBeforeStore = true;
    const since = recorderPosition(env);

    await runActionFailing(action, { name }, { checkpoints });
    checkpoints.crashBeforeStore = false;
    const retry = await runAction(action, { name }, { checkpoints });
    const again = await runAction(action, { name });

    expect(deletes(since, name)).toHaveLength(1);
    expect(retry.outputs.deleted).toBe(false);
    expect(again.outputs.deleted).toBe(false);
  });

  it('refuses while the namespace holds a VM, and deletes it when forced', async () => {
    const { action } = setup();
    const name = await existingNamespace();
    await kubernetesNamespace(name);
    await supervisor.applyVirtualMachine({
      name: 'leftover',
      namespace: name,
      className: 'best-effort-small',
      imageName: 'ubuntu-2204-kube-v1.33',
    });
    const since = recorderPosition(env);

    const { error } = await runActionFailing(action, { name });
    expect(error.name).toBe('ConflictError');
    expect(error.message).toBe(
      `Supervisor namespace '${name}' still holds VM leftover; delete them first or set force: true`,
    );
    expect(deletes(since, name)).toEqual([]);

    const forced = await runAction(action, { name, force: true });
    expect(forced.outputs.deleted).toBe(true);
    expect(deletes(since, name)).toHaveLength(1);
  });

  it('reports in a dry run and sends nothing', async () => {
    const { action } = setup();
    const name = await existingNamespace();
    const since = recorderPosition(env);

    const { lines, outputs } = await runAction(
      action,
      { name },
      { isDryRun: true },
    );

    expect(lines).toContain(
      `info: Dry run: would delete Supervisor namespace '${name}' from vCenter 'testenv'`,
    );
    expect(outputs.deleted).toBe(false);
    expect(mutatingRequests(env, since, name)).toEqual([]);
    await expect(vcenter.getNamespace(name)).resolves.toMatchObject({ name });
  });

  it('rejects a name that is not a DNS-1123 label and sends nothing', async () => {
    const { action } = setup();
    const since = recorderPosition(env);

    const { error } = await runActionFailing(action, { name: 'Team_A' });

    expect(error.message).toMatch(/^name: 'Team_A' is not a DNS-1123 label/);
    expect(mutatingRequests(env, since, 'Team_A')).toEqual([]);
  });
});
