import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { readVsphereConfig } from '../config';
import { testenvVsphereConfig } from '../testUtils';
import { VCenterClient } from '../vcenter';
import { SupervisorClient } from './SupervisorClient';
import { joinClusterMachines, joinVmServiceVms } from './joins';
import {
  eventually,
  testenvSupervisorClient,
} from './__testUtils__/testenvSupervisor';

jest.setTimeout(60_000);

describe('joins of both testenv servers', () => {
  let supervisor: SupervisorClient;
  let vcenter: VCenterClient;

  beforeAll(() => {
    const { env, client } = testenvSupervisorClient();
    supervisor = client;
    const [config] = readVsphereConfig(
      new ConfigReader({ vsphere: testenvVsphereConfig(env) }),
    );
    vcenter = VCenterClient.create(config, {
      logger: mockServices.logger.mock(),
    });
  });

  afterAll(async () => {
    supervisor?.close();
    await vcenter?.close();
  });

  it('joins each VM Service VM to the simulator VM its uniqueID names', async () => {
    const vms = await eventually(
      () => supervisor.listVirtualMachines('demo'),
      list => list.every(vm => vm.uniqueID),
    );
    const joined = joinVmServiceVms(vms, await vcenter.listVms());

    // Another test's VM may be mid-delete: its vCenter VM goes first, its object last.
    for (const vm of joined.filter(v => !v.deletingSince)) {
      expect(vm.vcenterVm?.moref).toBe(vm.uniqueID);
    }
    expect(
      joined.find(vm => vm.name === 'demo-web-01')?.vcenterVm,
    ).toMatchObject({
      powerState: 'poweredOn',
      host: expect.stringMatching(/^host-\d+$/),
    });
    expect(
      joined.find(vm => vm.name === 'demo-batch-01')?.vcenterVm?.powerState,
    ).toBe('poweredOff');
  });

  it("joins every node pool Machine to its node's simulator VM", async () => {
    const [vms, vcenterVms] = await Promise.all([
      supervisor.listVirtualMachines('demo'),
      vcenter.listVms(),
    ]);
    const clusters = joinClusterMachines(
      await supervisor.listWorkloadClusters('demo'),
      vcenterVms,
      vms,
    );
    const demo = clusters.find(c => c.name === 'demo-cluster')!;
    const machines = demo.nodePools.flatMap(p => p.machines);

    expect(machines.length).toBeGreaterThan(0);
    for (const machine of machines.filter(m => m.phase === 'Running')) {
      const backing = vms.find(vm => vm.name === machine.name);
      expect(machine.vcenterVm?.moref).toBe(backing?.uniqueID);
    }
  });
});
