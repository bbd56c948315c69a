import { SupervisorClient } from './SupervisorClient';
import { SupervisorWatchEvent } from './watch';
import {
  eventually,
  testenvSupervisorClient,
  uniqueName,
} from './__testUtils__/testenvSupervisor';

jest.setTimeout(120_000);

describe('SupervisorClient against the testenv: VM Service', () => {
  let client: SupervisorClient;
  const created: string[] = [];

  beforeAll(() => {
    client = testenvSupervisorClient().client;
  });

  afterAll(async () => {
    await Promise.all(
      created.map(name =>
        client.deleteVirtualMachine('demo', name).catch(() => {}),
      ),
    );
    client?.close();
  });

  it('discovers the newest served versions', async () => {
    await expect(client.apiVersions()).resolves.toEqual({
      vmOperator: 'v1alpha6',
      clusterApi: 'v1beta2',
      tanzu: 'v1alpha3',
    });
  });

  it('lists the seeded VMs with the status the reconciler gives them', async () => {
    const vms = await eventually(
      () => client.listVirtualMachines('demo'),
      list =>
        list
          .filter(vm => vm.desiredPowerState === 'PoweredOn')
          .every(vm => vm.primaryIP4 && vm.uniqueID),
    );
    // Cluster nodes are VM Service VMs too; the provider labels them with their cluster.
    const nodes = vms.filter(vm => vm.labels['capv.vmware.com/cluster.name']);
    expect(nodes.length).toBeGreaterThan(0);
    expect(
      vms
        .filter(vm => vm.name.startsWith('demo-') && !nodes.includes(vm))
        .map(vm => vm.name)
        .sort(),
    ).toEqual(['demo-batch-01', 'demo-db-01', 'demo-web-01']);
    expect(vms.find(vm => vm.name === 'demo-web-01')).toMatchObject({
      namespace: 'demo',
      className: 'best-effort-small',
      imageName: 'ubuntu-2204-kube-v1.33',
      storageClass: 'vsan-default-storage-policy',
      desiredPowerState: 'PoweredOn',
      powerState: 'PoweredOn',
      labels: { app: 'demo-web', tier: 'frontend' },
      uniqueID: expect.stringMatching(/^vm-\d+$/),
      primaryIP4: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/),
    });
    expect(vms.find(vm => vm.name === 'demo-batch-01')).toMatchObject({
      desiredPowerState: 'PoweredOff',
      powerState: 'PoweredOff',
    });
  });

  it('filters by label selector and gets one VM', async () => {
    const backend = await client.listVirtualMachines('demo', {
      labelSelector: 'tier=backend',
    });
    expect(backend.map(vm => vm.name).sort()).toEqual([
      'demo-batch-01',
      'demo-db-01',
    ]);

    const vm = await client.getVirtualMachine('demo', 'demo-db-01');
    expect(vm).toMatchObject({
      name: 'demo-db-01',
      className: 'guaranteed-large',
      storageClass: 'k8s-gold',
    });
  });

  it('applies a new VM, sees the reconciler power it on, then powers it off and deletes it', async () => {
    const name = uniqueName('it-vm');
    created.push(name);
    const events: SupervisorWatchEvent[] = [];
    const watch = await client.watch('VirtualMachine', e => events.push(e), {
      namespace: 'demo',
      labelSelector: `test-run=${name}`,
    });

    try {
      const applied = await client.applyVirtualMachine({
        name,
        namespace: 'demo',
        className: 'best-effort-small',
        imageName: 'ubuntu-2204-kube-v1.33',
        imageKind: 'ClusterVirtualMachineImage',
        storageClass: 'vsan-default-storage-policy',
        powerState: 'PoweredOn',
        labels: { 'test-run': name },
      });
      expect(applied).toMatchObject({ name, desiredPowerState: 'PoweredOn' });

      const running = await eventually(
        () => client.getVirtualMachine('demo', name),
        vm =>
          Boolean(
            vm.uniqueID && vm.primaryIP4 && vm.powerState === 'PoweredOn',
          ),
      );
      expect(running.uniqueID).toMatch(/^vm-\d+$/);

      // Applying the same spec again is a no-op, not a conflict.
      await expect(
        client.applyVirtualMachine({
          name,
          namespace: 'demo',
          className: 'best-effort-small',
          imageName: 'ubuntu-2204-kube-v1.33',
          imageKind: 'ClusterVirtualMachineImage',
          storageClass: 'vsan-default-storage-policy',
          powerState: 'PoweredOn',
          labels: { 'test-run': name },
        }),
      ).resolves.toMatchObject({ uniqueID: running.uniqueID });

      const off = await client.setVirtualMachinePowerState(
        'demo',
        name,
        'PoweredOff',
      );
      expect(off.desiredPowerState).toBe('PoweredOff');

      await client.deleteVirtualMachine('demo', name);
      await eventually(
        () =>
          client.getVirtualMachine('demo', name).then(
            () => 'present',
            e => e.name,
          ),
        state => state === 'NotFoundError',
      );

      await eventually(
        async () => events.map(e => e.type),
        types => types.includes('deleted'),
      );
      expect(events[0]).toMatchObject({ type: 'added' });
      expect(events[0].object.metadata.name).toBe(name);
      expect(
        events.some(
          e => e.type === 'modified' && (e.object.status as any)?.uniqueID,
        ),
      ).toBe(true);
    } finally {
      await watch.stop();
    }
  });

  it('lists VM classes and images, namespaced and cluster-wide', async () => {
    const classes = await client.listVirtualMachineClasses('demo');
    expect(classes).toEqual(
      expect.arrayContaining([
        {
          name: 'best-effort-small',
          namespace: 'demo',
          description: 'Best effort small: 2 vCPU, 4 GiB',
          cpus: 2,
          memory: '4Gi',
        },
      ]),
    );

    const images = await client.listVirtualMachineImages('demo');
    expect(images).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'ubuntu-2204-kube-v1.33',
          kind: 'ClusterVirtualMachineImage',
          osType: 'ubuntu64Guest',
          productVersion: 'v1.33.3+vmware.1-fips-vkr.1',
          ready: true,
        }),
      ]),
    );
  });
});
