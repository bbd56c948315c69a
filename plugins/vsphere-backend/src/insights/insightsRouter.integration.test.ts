import { Entity } from '@backstage/catalog-model';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  loadTestenv,
  recorderPosition,
  readRecordedRequests,
  testenvGovc,
  testenvKubectl,
  testenvVsphereConfig,
} from '@backstage-vsphere/plugin-vsphere-node/testUtils';
import request from 'supertest';
import { vspherePlugin } from '../plugin';

jest.setTimeout(60_000);

const env = loadTestenv();

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'demo-web',
      namespace: 'default',
      annotations: {
        'vsphere.vmware.com/supervisor-namespace': 'demo',
        'vsphere.vmware.com/vcenter': env.vcenter.name,
      },
    },
    spec: { type: 'service', owner: 'guests' },
  },
];

async function startBackend(
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const { server } = await startTestBackend({
    features: [
      vspherePlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.permissions.factory({ result: permission }),
      mockServices.rootConfig.factory({
        data: {
          vsphere: {
            ...testenvVsphereConfig(env),
            insights: {
              monitoringLinks: [
                {
                  kind: 'vm',
                  title: 'Grafana',
                  url: 'https://grafana.example.com/d/vm?var-vm={name}&var-id={moref}',
                },
              ],
            },
          },
        },
      }),
    ],
  });
  return server;
}

const base = '/api/vsphere/entities/default/component/demo-web';

describe('insights routes against testenv', () => {
  it('shows the Supervisor capacity with what demo was promised and uses', async () => {
    const server = await startBackend();
    const res = await request(server).get(`${base}/capacity`);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      namespace: 'demo',
      cluster: { moref: env.vcenter.wcpClusterId, name: 'WCP-Cluster' },
      cpu: { capacity: 3 * 16 * 2600, promised: 20_000, unit: 'MHz' },
      memory: { capacity: 3 * 256 * 1024, promised: 65_536, unit: 'MiB' },
    });
    expect(res.body.cpu.used).toBeGreaterThan(0);
    expect(res.body.hosts).toHaveLength(3);
  });

  it('shows the demo cluster placement with the node pool on one datastore', async () => {
    const server = await startBackend();
    const res = await request(server).get(`${base}/placement`);

    expect(res.status).toBe(200);
    const demo = res.body.items.find((p: any) => p.cluster === 'demo-cluster');
    expect(demo.risks).toContainEqual(
      expect.objectContaining({ kind: 'single-datastore', group: 'np-small' }),
    );
  });

  it("shows demo-cluster's control-plane machines with the VMs the placement picture puts them on", async () => {
    const server = await startBackend();
    const [overview, placement] = await Promise.all([
      request(server).get(`${base}/overview`),
      request(server).get(`${base}/placement`),
    ]);
    const machines = JSON.parse(
      testenvKubectl(
        env,
        'get',
        'machines',
        '-n',
        'demo',
        '-l',
        'cluster.x-k8s.io/cluster-name=demo-cluster,cluster.x-k8s.io/control-plane',
        '-o',
        'json',
      ),
    ).items.map((m: any) => m.metadata.name);

    const cluster = overview.body.clusters.find(
      (c: any) => c.name === 'demo-cluster',
    );
    const shown = cluster.controlPlaneMachines;
    expect(machines.length).toBeGreaterThan(0);
    expect(shown.map((m: any) => m.name).sort()).toEqual([...machines].sort());
    expect(shown.every((m: any) => m.vcenterVm?.moref)).toBe(true);
    const picture = placement.body.items
      .find((p: any) => p.cluster === 'demo-cluster')
      .vms.filter((vm: any) => vm.group === 'control-plane');
    expect(shown.map((m: any) => m.vcenterVm?.moref).sort()).toEqual(
      picture.map((vm: any) => vm.moref).sort(),
    );
  });

  it("reads the page's VMs and hosts perf in one QueryPerf, then serves viewers from the cache", async () => {
    const server = await startBackend();
    await request(server).get(`${base}/overview`);
    const from = recorderPosition(env);
    const first = await request(server).get(`${base}/perf`);
    const second = await request(server).get(`${base}/perf`);
    const ops = readRecordedRequests(env, from).map(r => r.operation);

    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(ops.filter(op => op === 'QueryPerf')).toHaveLength(1);
    const vm = first.body.vms.find((v: any) => v.name === 'demo-web-01');
    expect(vm.series.cpuPercent).toHaveLength(15);
    expect(vm.links).toEqual([
      {
        title: 'Grafana',
        url: `https://grafana.example.com/d/vm?var-vm=demo-web-01&var-id=${vm.moref}`,
      },
    ]);
    expect(first.body.hosts.length).toBeGreaterThan(0);
  });

  it("shows demo's ResourceQuotas and LimitRanges as kubectl reads them", async () => {
    const server = await startBackend();
    const res = await request(server).get(`${base}/overview`);
    // kubectl lists by name; the page keeps the feed's order
    const byName = (a: any, b: any) => a.name.localeCompare(b.name);
    const kubectl = (kind: string) =>
      JSON.parse(testenvKubectl(env, 'get', kind, '-n', 'demo', '-o', 'json'))
        .items as any[];
    const quotas = kubectl('resourcequota');
    const ranges = kubectl('limitrange');

    expect(res.status).toBe(200);
    expect(quotas.length).toBeGreaterThan(0);
    expect(ranges.length).toBeGreaterThan(0);
    expect([...res.body.namespace.resourceQuotas].sort(byName)).toEqual(
      quotas.map(q => ({
        name: q.metadata.name,
        hard: q.spec.hard,
        used: q.status.used,
      })),
    );
    expect([...res.body.namespace.limitRanges].sort(byName)).toEqual(
      ranges.map(r => ({
        name: r.metadata.name,
        limits: r.spec.limits.map((l: any) => ({
          type: l.type,
          default: l.default ?? {},
          defaultRequest: l.defaultRequest ?? {},
          min: l.min ?? {},
          max: l.max ?? {},
          maxLimitRequestRatio: l.maxLimitRequestRatio ?? {},
        })),
      })),
    );
    // the seed's container defaults reach the page as the user reads them
    expect(res.body.namespace.limitRanges[0].limits[0]).toMatchObject({
      type: 'Container',
      defaultRequest: { cpu: '250m', memory: '256Mi' },
      default: { cpu: '500m', memory: '512Mi' },
    });
  });

  it("shows demo's VM classes with the reservations govc reads from vCenter", async () => {
    const server = await startBackend();
    const res = await request(server).get(`${base}/overview`);
    const govc = new Map<string, any>(
      JSON.parse(testenvGovc(env, 'namespace.vmclass.ls', '-json')).map(
        (c: any) => [c.id, c],
      ),
    );

    expect(res.status).toBe(200);
    const { vmClasses, vmClassDetails } = res.body.namespace;
    expect(vmClassDetails.map((c: any) => c.name)).toEqual(vmClasses);
    for (const shown of vmClassDetails) {
      const vc = govc.get(shown.name);
      // vCenter leaves a reservation out when there is none
      const cpu = vc.cpu_reservation ?? 0;
      const memory = vc.memory_reservation ?? 0;
      expect(shown).toMatchObject({
        cpus: vc.cpu_count,
        memoryMiB: vc.memory_mb,
        memoryReservedMiB: (vc.memory_mb * memory) / 100,
      });
      expect(shown.reservation === 'guaranteed').toBe(
        cpu === 100 && memory === 100,
      );
      expect(shown.reservation === 'best-effort').toBe(
        cpu === 0 && memory === 0,
      );
    }
    // the demo has both kinds, so the page tells them apart
    expect(vmClassDetails.map((c: any) => c.reservation)).toEqual(
      expect.arrayContaining(['guaranteed', 'best-effort']),
    );
  });

  it('refuses a caller who may not view the entity, before any upstream call', async () => {
    const server = await startBackend(AuthorizeResult.DENY);
    const from = recorderPosition(env);
    const res = await request(server).get(`${base}/capacity`);

    expect(res.status).toBe(403);
    expect(readRecordedRequests(env, from)).toEqual([]);
  });
});
