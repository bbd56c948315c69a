import {
  CheckpointStore,
  runAction,
  runActionFailing,
  testenvActionOptions,
  testenvClients,
  uniqueName,
} from '../__testUtils__/testenv';
import { createVsphereVmCreateAction } from './vsphereVmCreate';

jest.setTimeout(120_000);

const { env, clients } = testenvClients();
const supervisor = clients.supervisor();
const created: string[] = [];
const SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRlc3RrZXlmb3JiYWNrc3RhZ2V2c3BoZXJlMDAwMDA tester@example.com';

function setup() {
  const deps = testenvActionOptions(clients);
  return { ...deps, action: createVsphereVmCreateAction(deps.options) };
}

function newName(prefix = 'it-vm') {
  const name = uniqueName(prefix);
  created.push(name);
  return name;
}

const baseInput = (name: string) => ({
  namespace: 'demo',
  name,
  className: 'best-effort-small',
  imageName: 'ubuntu-2204-kube-v1.33',
});

const vmObject = (name: string) =>
  supervisor.get('VirtualMachine', name, { namespace: 'demo' });

const vmExists = (name: string) =>
  vmObject(name).then(
    () => true,
    error => (error.name === 'NotFoundError' ? false : Promise.reject(error)),
  );

afterAll(async () => {
  await Promise.allSettled(
    created.map(n => supervisor.deleteVirtualMachine('demo', n)),
  );
  await clients.close();
});

describe('vsphere:vm:create against the testenv', () => {
  it('applies the VirtualMachine, waits for power and IP, and reports the vCenter VM', async () => {
    const { action, authorize, auditEvent, events } = setup();
    const name = newName();

    const { outputs, lines } = await runAction(action, {
      ...baseInput(name),
      storageClass: 'k8s-gold',
      labels: { app: 'payments' },
      sshAuthorizedKeys: [SSH_KEY],
      owner: 'group:default/team-a',
    });

    const vm = await vmObject(name);
    expect(vm.metadata.labels).toEqual({ app: 'payments' });
    expect(vm.metadata.annotations).toMatchObject({
      'backstage.io/owner': 'group:default/team-a',
    });
    expect(vm.spec).toMatchObject({
      className: 'best-effort-small',
      imageName: 'ubuntu-2204-kube-v1.33',
      image: { kind: 'VirtualMachineImage', name: 'ubuntu-2204-kube-v1.33' },
      storageClass: 'k8s-gold',
      powerState: 'PoweredOn',
      bootstrap: { cloudInit: { sshAuthorizedKeys: [SSH_KEY] } },
    });
    expect(outputs).toEqual({
      vcenter: 'testenv',
      namespace: 'demo',
      name,
      entityRef: `resource:default/demo.vm.${name}`,
      vsphereClientUrl: `${env.vcenter.url}/ui/app/vm;nav=v/urn:vmomi:VirtualMachine:${outputs.uniqueId}/summary`,
      kubectlLoginCommand:
        'kubectl vsphere login --server=127.0.0.1 --vsphere-username YOUR-NAME@vsphere.local && kubectl config use-context demo',
      uniqueId: expect.stringMatching(/^vm-\d+$/),
      ipAddress: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/),
      powerState: 'PoweredOn',
      created: true,
    });
    // The id joins the Kubernetes object to the VM vCenter's inventory reports.
    const vcenterVm = (await clients.vcenter().listVms()).find(
      v => v.moref === outputs.uniqueId,
    );
    expect(vcenterVm).toBeDefined();
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^info: Waiting up to 600s for VM '.*' to be PoweredOn with an IP address$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^info: VM '.*': power state .*, IP none yet/),
    );
    expect(authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({ name: 'vsphere.vm.create' }),
          resourceRef: 'resource:default/demo',
        },
      ],
      expect.anything(),
    );
    expect(auditEvent.success).toHaveBeenCalledTimes(1);
    expect(events.publish).toHaveBeenCalledWith({
      topic: 'vsphere.resource.created',
      eventPayload: {
        vcenter: 'testenv',
        kind: 'vm',
        namespace: 'demo',
        name,
        owner: 'group:default/team-a',
      },
    });
  });

  it('creates one object when run twice', async () => {
    const { action } = setup();
    const name = newName();

    await runAction(action, baseInput(name));
    const before = await vmObject(name);
    const second = await runAction(action, baseInput(name));
    const after = await vmObject(name);

    expect(second.outputs.created).toBe(false);
    expect(after.metadata.uid).toBe(before.metadata.uid);
    expect(after.metadata.generation).toBe(1);
  });

  it.each(['crashAfterStore', 'crashBeforeStore'] as const)(
    'completes a retry without a second write after %s',
    async crash => {
      const { action } = setup();
      const name = newName();
      const checkpoints = new CheckpointStore();
      checkpoints[crash] = true;

      await runActionFailing(action, baseInput(name), { checkpoints });
      const uid = (await vmObject(name)).metadata.uid;
      checkpoints[crash] = false;
      const retry = await runAction(action, baseInput(name), { checkpoints });

      const vm = await vmObject(name);
      expect(vm.metadata.uid).toBe(uid);
      expect(vm.metadata.generation).toBe(1);
      expect(retry.outputs.powerState).toBe('PoweredOn');
    },
  );

  it('fails with a conflict naming the differing fields', async () => {
    const { action } = setup();
    const name = newName();
    await runAction(action, baseInput(name));

    const { error } = await runActionFailing(action, {
      ...baseInput(name),
      className: 'best-effort-medium',
      powerState: 'PoweredOff',
    });

    expect(error.name).toBe('ConflictError');
    expect(error.message).toBe(
      `VM '${name}' already exists in namespace 'demo' and differs in: className, powerState; choose another name`,
    );
    expect((await vmObject(name)).spec).toMatchObject({
      className: 'best-effort-small',
    });
  });

  it('validates in a dry run and creates nothing', async () => {
    const { action, auditor } = setup();
    const name = newName('it-vm-dry');

    const { outputs, lines } = await runAction(
      action,
      { ...baseInput(name), storageClass: 'vSAN Default Storage Policy' },
      { isDryRun: true },
    );

    expect(lines).toContain(
      `info: Dry run: would create VM '${name}' in namespace 'demo' (class best-effort-small, image ubuntu-2204-kube-v1.33, storage class vsan-default-storage-policy, PoweredOn)`,
    );
    expect(outputs).toMatchObject({
      entityRef: `resource:default/demo.vm.${name}`,
      uniqueId: '',
      powerState: 'NOT_CREATED',
      created: false,
    });
    await expect(vmExists(name)).resolves.toBe(false);
    expect(auditor.createEvent).not.toHaveBeenCalled();
  });

  it("places the VM in a zone of its namespace by the zone label, and refuses others naming the namespace's zones", async () => {
    const { action } = setup();
    const name = newName('it-vm-zone');

    await runAction(action, { ...baseInput(name), zone: 'zone-b' });
    const vm = await vmObject(name);
    expect(vm.metadata.labels).toEqual({
      'topology.kubernetes.io/zone': 'zone-b',
    });

    const moved = await runActionFailing(action, {
      ...baseInput(name),
      zone: 'zone-a',
    });
    expect(moved.error.message).toBe(
      `VM '${name}' already exists in namespace 'demo' and differs in: zone; choose another name`,
    );

    const other = newName('it-vm-zone');
    const foreign = await runActionFailing(action, {
      ...baseInput(other),
      zone: 'zone-c',
    });
    expect(foreign.error.message).toBe(
      `zone: 'zone-c' is not a zone of namespace 'demo' on Supervisor 'supervisor' (${env.vcenter.wcpClusterId}) of vCenter 'testenv'; valid zones: zone-a, zone-b`,
    );
    const narrower = await runActionFailing(
      action,
      { ...baseInput(other), namespace: 'team-a', zone: 'zone-b' },
      { isDryRun: true },
    );
    expect(narrower.error.message).toBe(
      `zone: 'zone-b' is not a zone of namespace 'team-a' on Supervisor 'supervisor' (${env.vcenter.wcpClusterId}) of vCenter 'testenv'; valid zones: zone-a`,
    );
    await expect(vmExists(other)).resolves.toBe(false);
  });

  it('stops waiting as soon as the task is cancelled', async () => {
    const { action } = setup();
    const name = newName();
    const controller = new AbortController();
    let abortedAt = 0;

    const { error, lines } = await runActionFailing(action, baseInput(name), {
      signal: controller.signal,
      onLog: line => {
        if (/^info: VM '.*': power state/.test(line) && !abortedAt) {
          abortedAt = Date.now();
          controller.abort();
        }
      },
    });

    expect(abortedAt).toBeGreaterThan(0);
    expect(error.message).toBe(
      `Cancelled while waiting for VM '${name}' to be PoweredOn with an IP address`,
    );
    expect(Date.now() - abortedAt).toBeLessThan(1_000);
    expect(lines.filter(l => l.startsWith('info: Done'))).toEqual([]);
  });

  describe('rejects bad input naming the field and the rule, and creates nothing', () => {
    const name = uniqueName('it-vm-bad');
    it.each([
      [{ name: 'Web_01' }, /^name: 'Web_01' is not a DNS-1123 label/],
      [
        { namespace: 'nowhere' },
        /^namespace: 'nowhere' is not a namespace of Supervisor 'supervisor'; valid: .*demo.*team-a/,
      ],
      [
        { className: 'huge' },
        /^className: 'huge' is not a VM class of namespace 'demo'; valid: best-effort-medium, best-effort-small, guaranteed-large$/,
      ],
      [
        { imageName: 'windows-2022' },
        /^imageName: 'windows-2022' is not an image namespace 'demo' can use; valid: photon-5-kube-v1.32, ubuntu-2204-kube-v1.33$/,
      ],
      [
        { storageClass: 'gold' },
        /^storageClass: 'gold' is not a storage class of namespace 'demo'; valid: k8s-gold, vsan-default-storage-policy$/,
      ],
      [
        // a policy of the vCenter that is not assigned to this namespace
        { namespace: 'team-a', storageClass: 'vSAN Default Storage Policy' },
        /^storageClass: 'vSAN Default Storage Policy' is not a storage class of namespace 'team-a'; valid: k8s-gold$/,
      ],
      [
        { labels: { 'bad key!': 'x' } },
        /^labels: 'bad key!' is not a Kubernetes label key/,
      ],
      [
        { labels: { app: 'has space' } },
        /^labels\.app: 'has space' is not a Kubernetes label value/,
      ],
      [
        { sshAuthorizedKeys: ['-----BEGIN OPENSSH PRIVATE KEY----- secret'] },
        /^sshAuthorizedKeys\[0\]: not an OpenSSH public key; expected one line such as 'ssh-ed25519 AAAA... user@host'$/,
      ],
      [{ owner: 'team a' }, /^owner: 'team a' is not an entity ref/],
      [
        { className: 'huge', imageName: 'nope' },
        /^2 inputs are invalid: className: .*; imageName: /,
      ],
    ])('%j', async (override, message) => {
      const { action } = setup();

      const { error } = await runActionFailing(action, {
        ...baseInput(name),
        ...override,
      });

      expect(error.name).toBe('InputError');
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('secret');
      await expect(vmExists(name)).resolves.toBe(false);
    });
  });
});
