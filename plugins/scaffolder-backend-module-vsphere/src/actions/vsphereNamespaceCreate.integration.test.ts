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
import { createVsphereNamespaceCreateAction } from './vsphereNamespaceCreate';

jest.setTimeout(120_000);

const { env, clients } = testenvClients();
const created: string[] = [];

function setup() {
  const deps = testenvActionOptions(clients);
  return { ...deps, action: createVsphereNamespaceCreateAction(deps.options) };
}

/** A fresh namespace name, deleted after the suite. */
function newName(prefix = 'it-ns') {
  const name = uniqueName(prefix);
  created.push(name);
  return name;
}

const namespacePosts = (since: number, name: string) =>
  mutatingRequests(env, since, name).filter(
    r => r.method === 'POST' && r.path === '/api/vcenter/namespaces/instances',
  );

afterAll(async () => {
  const vc = clients.vcenter();
  await Promise.allSettled(created.map(n => vc.deleteNamespace(n)));
  await clients.close();
});

describe('vsphere:namespace:create against the testenv', () => {
  it('sends the full spec in vSphere units, waits until running and reports links', async () => {
    const { action, authorize, auditor, auditEvent, events } = setup();
    const name = newName();
    const vc = clients.vcenter();
    const [gold] = (await vc.listStoragePolicies()).filter(
      p => p.name === 'k8s-gold',
    );
    const [library] = (await vc.listContentLibraries()).filter(
      l => l.name === 'tkg-images',
    );
    const since = recorderPosition(env);

    const { outputs, lines } = await runAction(action, {
      name,
      description: 'Payments team',
      storagePolicies: [{ name: 'k8s-gold', limit: '500Gi' }],
      vmClasses: ['best-effort-small', 'guaranteed-large'],
      contentLibraries: ['tkg-images'],
      cpuLimit: '10GHz',
      memoryLimit: '64Gi',
      storageLimit: '1Ti',
      accessList: [
        {
          subjectType: 'GROUP',
          subject: 'payments',
          domain: 'vsphere.local',
          role: 'OWNER',
        },
      ],
      owner: 'group:default/team-a',
    });

    const posts = namespacePosts(since, name);
    expect(posts).toHaveLength(1);
    expect(posts[0].body).toEqual({
      cluster: env.vcenter.wcpClusterId,
      namespace: name,
      description: 'Payments team',
      access_list: [
        {
          subject_type: 'GROUP',
          subject: 'payments',
          domain: 'vsphere.local',
          role: 'OWNER',
        },
      ],
      storage_specs: [{ policy: gold.id, limit: 512000 }],
      resource_spec: {
        cpu_limit: 10000,
        memory_limit: 65536,
        storage_request_limit: 1048576,
      },
      vm_service_spec: {
        vm_classes: ['best-effort-small', 'guaranteed-large'],
        content_libraries: [library.id],
      },
    });
    // The Supervisor mirrors the namespace into Kubernetes; the action waited for it.
    await expect(
      clients.supervisor().getNamespace(name),
    ).resolves.toMatchObject({ name, phase: 'Active' });

    expect(outputs).toEqual({
      vcenter: 'testenv',
      namespace: name,
      supervisorCluster: env.vcenter.wcpClusterId,
      entityRef: `resource:default/${name}`,
      vsphereClientUrl: `${env.vcenter.url}/ui/app/namespaces/${name}/summary`,
      kubectlLoginCommand: `kubectl vsphere login --server=127.0.0.1 --vsphere-username YOUR-NAME@vsphere.local && kubectl config use-context ${name}`,
      configStatus: 'RUNNING',
      created: true,
    });
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^info: Waiting up to 600s for Supervisor namespace/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^info: Done after \d+s: Namespace '.*': config status RUNNING; Kubernetes namespace Active$/,
      ),
    );
    expect(lines.join('\n')).not.toContain(env.vcenter.password);

    expect(authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'vsphere.namespace.create',
          }),
        },
      ],
      expect.anything(),
    );
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'namespace-create',
        meta: expect.objectContaining({ namespace: name, vcenter: 'testenv' }),
      }),
    );
    expect(auditEvent.success).toHaveBeenCalledTimes(1);
    expect(events.publish).toHaveBeenCalledWith({
      topic: 'vsphere.resource.created',
      eventPayload: {
        vcenter: 'testenv',
        kind: 'namespace',
        namespace: name,
        name,
        owner: 'group:default/team-a',
      },
    });
  });

  it('creates once when run twice; the second run finds it as asked', async () => {
    const { action, auditEvent } = setup();
    const name = newName();
    const input = { name, vmClasses: ['best-effort-small'] };
    const since = recorderPosition(env);

    const first = await runAction(action, input);
    const second = await runAction(action, input);

    expect(namespacePosts(since, name)).toHaveLength(1);
    expect(first.outputs.created).toBe(true);
    expect(second.outputs.created).toBe(false);
    expect(second.outputs.configStatus).toBe('RUNNING');
    expect(auditEvent.success).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['after its checkpoint was stored', 'crashAfterStore'],
    ['before its checkpoint was stored', 'crashBeforeStore'],
  ] as const)(
    'completes a retry without a second create when the first attempt died %s',
    async (_, crash) => {
      const { action } = setup();
      const name = newName();
      const input = { name, vmClasses: ['best-effort-small'] };
      const checkpoints = new CheckpointStore();
      checkpoints[crash] = true;
      const since = recorderPosition(env);

      await runActionFailing(action, input, { checkpoints });
      checkpoints[crash] = false;
      const retry = await runAction(action, input, { checkpoints });

      expect(namespacePosts(since, name)).toHaveLength(1);
      expect(retry.outputs.configStatus).toBe('RUNNING');
      expect(retry.outputs.created).toBe(crash === 'crashAfterStore');
    },
  );

  it('fails with a conflict naming the differing fields when the namespace exists otherwise', async () => {
    const { action } = setup();
    const name = newName();
    await runAction(action, { name, vmClasses: ['best-effort-small'] });
    const since = recorderPosition(env);

    const { error } = await runActionFailing(action, {
      name,
      vmClasses: ['guaranteed-large'],
    });

    expect(error.name).toBe('ConflictError');
    expect(error.message).toBe(
      `Supervisor namespace '${name}' already exists on vCenter 'testenv' and differs in: vmClasses; change it with vsphere:namespace:update or choose another name`,
    );
    expect(mutatingRequests(env, since, name)).toEqual([]);
  });

  it('validates against the live systems in a dry run and sends nothing', async () => {
    const { action, auditor, events } = setup();
    const name = newName('it-dry');
    const since = recorderPosition(env);

    const { outputs, lines } = await runAction(
      action,
      {
        name,
        storagePolicies: [{ name: 'k8s-gold', limit: '100Gi' }],
        vmClasses: ['best-effort-small'],
        contentLibraries: ['tkg-images'],
        memoryLimit: '8Gi',
      },
      { isDryRun: true },
    );

    expect(lines).toContain(
      `info: Dry run: would create Supervisor namespace '${name}' on cluster '${env.vcenter.wcpClusterId}' of vCenter 'testenv' with storage policies k8s-gold (100Gi); VM classes best-effort-small; content libraries tkg-images; memory limit 8Gi`,
    );
    expect(outputs).toMatchObject({
      entityRef: `resource:default/${name}`,
      configStatus: 'NOT_CREATED',
      created: false,
    });
    expect(mutatingRequests(env, since, name)).toEqual([]);
    await expect(clients.vcenter().getNamespace(name)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    expect(auditor.createEvent).not.toHaveBeenCalled();
    expect(events.publish).not.toHaveBeenCalled();
  });

  it('stops waiting as soon as the task is cancelled', async () => {
    const { action } = setup();
    const name = newName();
    const controller = new AbortController();
    let abortedAt = 0;
    const started = runActionFailing(
      action,
      { name },
      {
        signal: controller.signal,
        // Cancel once the namespace was created and the wait began.
        onLog: line => {
          if (line.includes('Waiting up to')) {
            abortedAt = Date.now();
            controller.abort();
          }
        },
      },
    );
    const { error } = await started;
    expect(error.message).toMatch(
      /^Cancelled while waiting for Supervisor namespace '.*' to be RUNNING$/,
    );
    expect(Date.now() - abortedAt).toBeLessThan(1_000);
  });

  it('refuses when the permission policy denies the initiator, before sending anything', async () => {
    const { action, authorize } = setup();
    authorize.mockResolvedValueOnce([{ result: AuthorizeResult.DENY }] as any);
    const name = newName();
    const since = recorderPosition(env);

    const { error } = await runActionFailing(action, { name });

    expect(error.name).toBe('NotAllowedError');
    expect(error.message).toBe(
      `Not allowed to create Supervisor namespace '${name}': the permission policy denies 'vsphere.namespace.create'`,
    );
    expect(mutatingRequests(env, since, name)).toEqual([]);
  });

  describe('rejects bad input naming the field and the rule, and sends nothing', () => {
    const token = uniqueName('bad');
    it.each([
      [
        { name: `Team_${token}` },
        /^name: 'Team_.*' is not a DNS-1123 label: use lower-case letters, digits and '-', starting and ending with a letter or digit$/,
      ],
      [
        { name: `${token}-${'x'.repeat(60)}` },
        /^name: '.*' is \d+ characters long; a DNS-1123 label has at most 63$/,
      ],
      [
        { name: token, vcenter: 'nowhere' },
        /^vcenter: 'nowhere' is not configured; configured vCenters: testenv$/,
      ],
      [
        { name: token, supervisor: 'nowhere' },
        /^supervisor: 'nowhere' is not configured for vCenter 'testenv'; configured: supervisor \(domain-c\d+\)$/,
      ],
      [
        { name: token, storagePolicies: [{ name: 'gold' }] },
        /^storagePolicies\[0\]\.name: 'gold' is not a storage policy of vCenter 'testenv'; valid: .*k8s-gold.*vSAN Default Storage Policy/,
      ],
      [
        {
          name: token,
          storagePolicies: [{ name: 'k8s-gold', limit: '500GB' }],
        },
        /^storagePolicies\[0\]\.limit: '500GB' is not a quantity; use a number and one of Mi, MiB, Gi, GiB, Ti, TiB/,
      ],
      [
        {
          name: token,
          storagePolicies: [{ name: 'k8s-gold' }, { name: 'k8s-gold' }],
        },
        /^storagePolicies: 'k8s-gold' is listed more than once$/,
      ],
      [
        { name: token, vmClasses: ['huge'] },
        /^vmClasses\[0\]: 'huge' is not a VM class of vCenter 'testenv'; valid: best-effort-medium, best-effort-small, guaranteed-large/,
      ],
      [
        { name: token, vmClasses: ['best-effort-small', 'best-effort-small'] },
        /^vmClasses: 'best-effort-small' is listed more than once$/,
      ],
      [
        { name: token, contentLibraries: ['golden-images'] },
        /^contentLibraries\[0\]: 'golden-images' is not a content library of vCenter 'testenv'; valid: .*tkg-images/,
      ],
      [
        { name: token, cpuLimit: '4' },
        /^cpuLimit: '4' is not a quantity; use a number and one of MHz, GHz/,
      ],
      [
        { name: token, memoryLimit: '0Gi' },
        /^memoryLimit: '0Gi' must be a positive whole number of Mi$/,
      ],
      [
        { name: token, storageLimit: '1 PB' },
        /^storageLimit: '1 PB' is not a quantity/,
      ],
      [
        {
          name: token,
          accessList: [
            {
              subjectType: 'USER',
              subject: ' ',
              domain: 'vsphere.local',
              role: 'VIEW',
            },
          ],
        },
        /^accessList\[0\]: subject and domain must not be empty/,
      ],
      [
        { name: `Bad.${token}`, cpuLimit: 'lots' },
        /^2 inputs are invalid: name: .* is not a DNS-1123 label.*; cpuLimit: 'lots' is not a quantity/,
      ],
    ])('%j', async (input, message) => {
      const { action } = setup();
      const since = recorderPosition(env);

      const { error } = await runActionFailing(action, input);

      expect(error.name).toBe('InputError');
      expect(error.message).toMatch(message);
      expect(mutatingRequests(env, since, token)).toEqual([]);
    });
  });
});
