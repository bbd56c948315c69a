import { AuthorizeResult } from '@backstage/plugin-permission-common';
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
import { createVsphereNamespaceUpdateAction } from './vsphereNamespaceUpdate';

jest.setTimeout(120_000);

const { env, clients } = testenvClients();
const vcenter = clients.vcenter();
const created: string[] = [];

function setup() {
  const deps = testenvActionOptions(clients);
  return { ...deps, action: createVsphereNamespaceUpdateAction(deps.options) };
}

/** A namespace with one VM class, as a team would have it before asking for more. */
async function existingNamespace(): Promise<string> {
  const name = uniqueName('it-nsu');
  created.push(name);
  await vcenter.createNamespace({
    cluster: env.vcenter.wcpClusterId,
    namespace: name,
    vmServiceSpec: { vmClasses: ['best-effort-small'], contentLibraries: [] },
  });
  return name;
}

const patches = (since: number, name: string) =>
  mutatingRequests(env, since, name).filter(r => r.method === 'PATCH');

afterAll(async () => {
  await Promise.allSettled(created.map(n => vcenter.deleteNamespace(n)));
  await clients.close();
});

describe('vsphere:namespace:update against the testenv', () => {
  it('patches only what changes, keeping the rest of the VM service spec', async () => {
    const { action, authorize, auditEvent, events } = setup();
    const name = await existingNamespace();
    const [library] = (await vcenter.listContentLibraries()).filter(
      l => l.name === 'tkg-images',
    );
    const since = recorderPosition(env);

    const { outputs } = await runAction(action, {
      name,
      contentLibraries: ['tkg-images'],
    });

    const sent = patches(since, name);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      path: `/api/vcenter/namespaces/instances/${name}`,
      body: {
        vm_service_spec: {
          vm_classes: ['best-effort-small'],
          content_libraries: [library.id],
        },
      },
    });
    await expect(vcenter.getNamespace(name)).resolves.toMatchObject({
      vmServiceSpec: {
        vmClasses: ['best-effort-small'],
        contentLibraries: [library.id],
      },
    });
    expect(outputs).toEqual({
      vcenter: 'testenv',
      namespace: name,
      entityRef: `resource:default/${name}`,
      vsphereClientUrl: `${env.vcenter.url}/ui/app/namespaces/${name}/summary`,
      kubectlLoginCommand: `kubectl vsphere login --server=127.0.0.1 --vsphere-username YOUR-NAME@vsphere.local && kubectl config use-context ${name}`,
      changedFields: ['contentLibraries'],
      configStatus: 'RUNNING',
    });
    expect(authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'vsphere.namespace.update',
          }),
          resourceRef: `resource:default/${name}`,
        },
      ],
      expect.anything(),
    );
    expect(auditEvent.success).toHaveBeenCalledTimes(1);
    // the catalog and every replica hear of the change at once
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

  it('sends limits in vSphere units', async () => {
    const { action } = setup();
    const name = await existingNamespace();
    const since = recorderPosition(env);

    await runAction(action, { name, cpuLimit: '2.5GHz', memoryLimit: '16Gi' });

    expect(patches(since, name).map(r => r.body)).toEqual([
      { resource_spec: { cpu_limit: 2500, memory_limit: 16384 } },
    ]);
  });

  it('changes nothing when run again, or retried after the change', async () => {
    const { action } = setup();
    const name = await existingNamespace();
    const input = {
      name,
      vmClasses: ['best-effort-small', 'guaranteed-large'],
    };
    const checkpoints = new CheckpointStore();
    checkpoints.crashBeforeStore = true;
    const since = recorderPosition(env);

    await runActionFailing(action, input, { checkpoints });
    checkpoints.crashBeforeStore = false;
    const retry = await runAction(action, input, { checkpoints });
    const again = await runAction(action, input);

    expect(patches(since, name)).toHaveLength(1);
    expect(retry.outputs.changedFields).toEqual([]);
    expect(again.outputs.changedFields).toEqual([]);
  });

  it('reports the change in a dry run and sends nothing', async () => {
    const { action, events } = setup();
    const name = await existingNamespace();
    const since = recorderPosition(env);

    const { outputs, lines } = await runAction(
      action,
      { name, vmClasses: ['guaranteed-large'] },
      { isDryRun: true },
    );

    expect(lines).toContain(
      `info: Dry run: would change vmClasses of Supervisor namespace '${name}' to VM classes guaranteed-large`,
    );
    expect(outputs.changedFields).toEqual(['vmClasses']);
    expect(mutatingRequests(env, since, name)).toEqual([]);
    expect(events.publish).not.toHaveBeenCalled();
  });

  it('stops waiting as soon as the task is cancelled', async () => {
    const { action } = setup();
    const name = await existingNamespace();
    const controller = new AbortController();
    let abortedAt = 0;

    const { error } = await runActionFailing(
      action,
      { name, memoryLimit: '4Gi' },
      {
        signal: controller.signal,
        onLog: line => {
          if (line.includes('Waiting up to')) {
            abortedAt = Date.now();
            controller.abort();
          }
        },
      },
    );

    expect(error.message).toBe(
      `Cancelled while waiting for Supervisor namespace '${name}' to be RUNNING`,
    );
    expect(Date.now() - abortedAt).toBeLessThan(1_000);
  });

  it('refuses when the policy denies the initiator', async () => {
    const { action, authorize } = setup();
    authorize.mockResolvedValueOnce([{ result: AuthorizeResult.DENY }] as any);
    const name = await existingNamespace();
    const since = recorderPosition(env);

    const { error } = await runActionFailing(action, {
      name,
      memoryLimit: '4Gi',
    });

    expect(error.message).toBe(
      `Not allowed to update Supervisor namespace '${name}': the permission policy denies 'vsphere.namespace.update' on resource:default/${name}`,
    );
    expect(mutatingRequests(env, since, name)).toEqual([]);
  });

  describe('rejects bad input naming the field and the rule, and sends nothing', () => {
    let name = '';
    beforeAll(async () => {
      name = await existingNamespace();
    });

    it.each([
      [
        {},
        /^input: name at least one setting to change: description, storagePolicies, vmClasses/,
      ],
      [
        { vmClasses: ['huge'] },
        /^vmClasses\[0\]: 'huge' is not a VM class of vCenter 'testenv'; valid: best-effort-medium, best-effort-small, guaranteed-large$/,
      ],
      [{ memoryLimit: '16GB' }, /^memoryLimit: '16GB' is not a quantity/],
      [
        { storagePolicies: [{ name: 'nope', limit: '1x' }] },
        /^2 inputs are invalid: storagePolicies\[0\]\.limit: '1x' is not a quantity.*; storagePolicies\[0\]\.name: 'nope' is not a storage policy/,
      ],
    ])('%j', async (override, message) => {
      const { action } = setup();
      const since = recorderPosition(env);

      const { error } = await runActionFailing(action, { name, ...override });

      expect(error.name).toBe('InputError');
      expect(error.message).toMatch(message);
      expect(mutatingRequests(env, since, name)).toEqual([]);
    });

    it('names a namespace that does not exist', async () => {
      const { action } = setup();
      const missing = uniqueName('it-nsu-missing');
      const since = recorderPosition(env);

      const { error } = await runActionFailing(action, {
        name: missing,
        vmClasses: ['best-effort-small'],
      });

      expect(error.message).toBe(
        `name: Supervisor namespace '${missing}' does not exist on vCenter 'testenv'`,
      );
      expect(mutatingRequests(env, since, missing)).toEqual([]);
    });
  });
});
