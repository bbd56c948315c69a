import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { readVsphereConfig } from '../config';
import {
  TestenvInfo,
  readRecordedRequests,
  recorderPosition,
  testenvGovc,
  testenvVsphereConfig,
} from '../testUtils';
import { joinClusterMachines, joinVmServiceVms } from '../supervisor';
import { SupervisorClient } from '../supervisor/SupervisorClient';
import {
  eventually,
  testenvSupervisorClient,
} from '../supervisor/__testUtils__/testenvSupervisor';
import { VCenterClient } from '../vcenter';
import { supervisorCapacity } from './capacity';
import { clusterPlacements } from './placement';

jest.setTimeout(60_000);

/** govc of the testenv: an independent client to check our numbers against. */
async function govc(env: TestenvInfo, ...args: string[]): Promise<any> {
  return JSON.parse(testenvGovc(env, ...args));
}

describe('integration insights against the testenv', () => {
  let env: TestenvInfo;
  let supervisor: SupervisorClient;
  let vcenter: VCenterClient;

  beforeAll(() => {
    const t = testenvSupervisorClient();
    env = t.env;
    supervisor = t.client;
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

  it('reports the Supervisor cluster capacity as govc sees the hosts, against the namespace limits', async () => {
    const [hosts, clusters, datastores, summaries, storagePolicies] =
      await Promise.all([
        vcenter.listHostUsage(),
        vcenter.listClusters(),
        vcenter.listDatastores(),
        vcenter.listNamespaces(),
        vcenter.listStoragePolicies(),
      ]);
    const namespaces = await Promise.all(
      summaries.map(ns => vcenter.getNamespace(ns.name)),
    );
    const cluster = clusters.find(c => c.moref === env.vcenter.wcpClusterId)!;
    const capacity = supervisorCapacity({
      vcenter: 'testenv',
      cluster,
      hosts,
      datastores,
      namespaces,
      storagePolicies,
    });

    const seen = await govc(
      env,
      'host.info',
      '-json',
      `/Datacenter/host/${cluster.name}/*`,
    );
    const govcHosts = (seen.hostSystems ?? seen.HostSystems) as any[];
    expect(capacity.hosts.map(h => h.name)).toEqual(
      govcHosts.map(h => h.summary.config.name).sort(),
    );
    for (const h of govcHosts) {
      const ours = capacity.hosts.find(x => x.name === h.summary.config.name)!;
      const hw = h.summary.hardware;
      expect(ours).toMatchObject({
        cpuCapacityMHz: hw.numCpuCores * hw.cpuMhz,
        cpuUsedMHz: h.summary.quickStats.overallCpuUsage,
        memoryCapacityMiB: hw.memorySize / 1024 / 1024,
        memoryUsedMiB: h.summary.quickStats.overallMemoryUsage,
      });
      expect(ours.cpuUsedMHz).toBeGreaterThan(0);
    }
    const sum = (f: (h: any) => number) =>
      govcHosts.reduce((a, h) => a + f(h), 0);
    expect(capacity.cpu.capacity).toBe(
      sum(h => h.summary.hardware.numCpuCores * h.summary.hardware.cpuMhz),
    );
    expect(capacity.cpu.used).toBe(
      sum(h => h.summary.quickStats.overallCpuUsage),
    );
    // demo promises 20 GHz and 64 GiB (seeded limits); team-a has no limit
    expect(capacity.cpu.promised).toBe(20_000);
    expect(capacity.memory.promised).toBe(65_536);
    expect(capacity.cpu.overcommit).toBeCloseTo(
      20_000 / capacity.cpu.capacity,
      2,
    );
    expect(capacity.namespaces.find(n => n.name === 'demo')).toMatchObject({
      cpuUsedMHz: 7800,
      memoryUsedMiB: 28672,
    });
    expect(capacity.datastores.map(d => d.name)).toContain('vsanDatastore');
  });

  it('reads recent CPU and memory of up to 500 VMs in one QueryPerf', async () => {
    // the test command's testenv has 1,000 VMs: 500 per request is the batch
    const vms = (await vcenter.listVms()).slice(0, 500);
    const from = recorderPosition(env);
    const series = await vcenter.queryPerf(
      vms.map(vm => ({ type: 'VirtualMachine' as const, value: vm.moref })),
    );
    const ops = readRecordedRequests(env, from).map(r => r.operation);

    expect(ops.filter(op => op === 'QueryPerf')).toHaveLength(1);
    expect(series).toHaveLength(vms.length);
    for (const s of series) {
      expect(s.cpuPercent).toHaveLength(15);
      expect(s.memoryPercent).toHaveLength(15);
      expect(Date.parse(s.timestamps[0])).toBeLessThan(
        Date.parse(s.timestamps[14]),
      );
    }
    expect(series.some(s => s.cpuPercent.some(v => (v ?? 0) > 0))).toBe(true);

    // the counter ids are read once per client: a second query is one request
    const again = recorderPosition(env);
    await vcenter.queryPerf([{ type: 'HostSystem', value: vms[0].host! }]);
    expect(readRecordedRequests(env, again).map(r => r.operation)).toEqual([
      'QueryPerf',
    ]);
  });

  it("flags the demo cluster's node pool that sits on one datastore, with its name", async () => {
    const [vms, vcenterVms] = await Promise.all([
      eventually(
        () => supervisor.listVirtualMachines('demo'),
        list => list.filter(vm => vm.clusterNode && vm.uniqueID).length >= 4,
      ),
      vcenter.listVms(),
    ]);
    const joined = joinVmServiceVms(vms, vcenterVms);
    const clusters = joinClusterMachines(
      await supervisor.listWorkloadClusters('demo'),
      vcenterVms,
      vms,
    );
    const placement = clusterPlacements({ clusters, vms: joined }).find(
      p => p.cluster === 'demo-cluster',
    )!;

    expect(placement.vms.map(vm => vm.group).sort()).toEqual([
      'control-plane',
      'np-large',
      'np-small',
      'np-small',
    ]);
    expect(placement.hosts.length).toBeGreaterThan(0);
    expect(placement.risks).toContainEqual(
      expect.objectContaining({
        kind: 'single-datastore',
        group: 'np-small',
        on: 'vsanDatastore',
        message:
          "all 2 VMs of node pool 'np-small' are on one datastore, vsanDatastore",
      }),
    );
  });
});
