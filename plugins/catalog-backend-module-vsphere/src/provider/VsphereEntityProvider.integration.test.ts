import { randomBytes } from 'node:crypto';
import { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import {
  loadTestenv,
  readRecordedRequests,
  recorderPosition,
} from '@backstage-vsphere/plugin-vsphere-node/testUtils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EntityProviderMutation } from '@backstage/plugin-catalog-node';
import { testenvKubectl } from '@backstage-vsphere/plugin-vsphere-node/testUtils';
import { entitiesOf, govc, testenvProvider } from '../__testUtils__/testenv';
import { VSPHERE_RESOURCE_CREATED_TOPIC } from '@backstage-vsphere/plugin-vsphere-common';

// real servers, and a reconciler that mirrors new namespaces
jest.setTimeout(120_000);

const env = loadTestenv();
const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(closers.map(close => close()));
});

async function provider(options: Parameters<typeof testenvProvider>[1] = {}) {
  const created = await testenvProvider(env, options);
  closers.push(async () => {
    await created.snapshot?.stop();
    await created.clients.close();
  });
  return created;
}

/** The seeded objects' entities: other tests add and remove their own objects meanwhile. */
const SEEDED = new Set([
  'testenv.supervisor.supervisor',
  'demo',
  'team-a',
  'demo.vm.demo-web-01',
  'demo.vm.demo-db-01',
  'demo.vm.demo-batch-01',
  'demo.cluster.demo-cluster',
  'team-a.cluster.team-a-tkc',
]);

function seeded(entities: Map<string, Entity>) {
  return [...entities.values()].filter(e => SEEDED.has(e.metadata.name));
}

/** Node pool sizes change when other tests scale the demo clusters. */
function withoutPoolSizes(entities: Entity[]) {
  return entities.map(e =>
    e.spec?.nodePools ? { ...e, spec: { ...e.spec, nodePools: [] } } : e,
  );
}

/** Runs until the seeded clusters are back with their endpoints (other tests recreate them). */
async function refreshUntilClustersReady(
  p: Awaited<ReturnType<typeof testenvProvider>>,
) {
  for (let attempt = 0; ; attempt++) {
    await p.provider.refresh();
    const entities = entitiesOf(p.mutations[p.mutations.length - 1]);
    const ready = [
      'demo.cluster.demo-cluster',
      'team-a.cluster.team-a-tkc',
    ].every(
      name =>
        entities.get(name)?.metadata.annotations?.['kubernetes.io/api-server'],
    );
    if (ready || attempt >= 30) {
      return entities;
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}

describe('VsphereEntityProvider against the testenv', () => {
  it('ingests the Supervisor, its namespaces, VM Service VMs and clusters with relations and owners', async () => {
    // the testenv's workload clusters get addresses in 10.244.0.0/16
    const testenv = await provider({
      catalog: {
        defaultOwner: 'guests',
        // demo-cluster's endpoint is testenv's workload API server on loopback
        kubernetes: { allowedApiServers: ['10.244.0.0/16', '127.0.0.1/32'] },
      },
    });
    const entities = seeded(await refreshUntilClustersReady(testenv));
    expect(
      entities.map(e => [
        e.metadata.name,
        e.spec?.type,
        e.spec?.owner,
        e.spec?.dependsOn,
      ]),
    ).toEqual([
      [
        'demo',
        'vsphere-namespace',
        'group:default/guests',
        ['resource:default/testenv.supervisor.supervisor'],
      ],
      [
        'demo.cluster.demo-cluster',
        'kubernetes-cluster',
        'group:default/guests',
        ['resource:default/demo'],
      ],
      [
        'demo.vm.demo-batch-01',
        'virtual-machine',
        'group:default/guests',
        ['resource:default/demo'],
      ],
      [
        'demo.vm.demo-db-01',
        'virtual-machine',
        'group:default/guests',
        ['resource:default/demo'],
      ],
      [
        'demo.vm.demo-web-01',
        'virtual-machine',
        'group:default/guests',
        ['resource:default/demo'],
      ],
      [
        'team-a',
        'vsphere-namespace',
        'group:default/team-a',
        ['resource:default/testenv.supervisor.supervisor'],
      ],
      [
        'team-a.cluster.team-a-tkc',
        'kubernetes-cluster',
        'group:default/team-a',
        ['resource:default/team-a'],
      ],
      [
        'testenv.supervisor.supervisor',
        'vsphere-supervisor',
        'group:default/guests',
        undefined,
      ],
    ]);
    const byName = new Map(entities.map(e => [e.metadata.name, e]));
    expect(
      byName.get('testenv.supervisor.supervisor')?.metadata.annotations,
    ).toMatchObject({ 'vsphere.vmware.com/moref': env.vcenter.wcpClusterId });
    // the VM Service VM's vCenter object, from status.uniqueID
    expect(
      byName.get('demo.vm.demo-web-01')?.metadata.annotations?.[
        'vsphere.vmware.com/moref'
      ],
    ).toMatch(/^vm-\d+$/);
    expect(byName.get('demo.cluster.demo-cluster')?.spec?.nodePools).toEqual([
      expect.objectContaining({
        name: 'np-small',
        vmClass: 'best-effort-small',
      }),
      expect.objectContaining({
        name: 'np-large',
        vmClass: 'guaranteed-large',
      }),
    ]);
    expect(byName.get('team-a.cluster.team-a-tkc')?.spec?.nodePools).toEqual([
      expect.objectContaining({
        name: 'workers',
        vmClass: 'best-effort-medium',
      }),
    ]);
    expect(
      byName.get('demo.cluster.demo-cluster')?.metadata.annotations?.[
        'kubernetes.io/api-server'
      ],
    ).toMatch(/^https:\/\/[\d.]+:\d+$/);
  });

  it('applies identical output on two runs over unchanged inventory', async () => {
    const { provider: p, mutations } = await provider();
    await p.refresh();
    await p.refresh();
    const [first, second] = mutations.map(m =>
      withoutPoolSizes(seeded(entitiesOf(m))),
    );
    expect(first.length).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('drops a VM deleted in the simulator on the next run, and only then', async () => {
    const vmName = `catalog-it-${randomBytes(3).toString('hex')}`;
    // e.g. Folder:group-88
    const developmentFolder = (
      await govc(
        env,
        'find',
        '-i',
        '/Datacenter/vm',
        '-type',
        'f',
        '-name',
        'Development',
      )
    ).split(':')[1];
    expect(developmentFolder).toMatch(/^group-/);
    await govc(
      env,
      'vm.create',
      '-on=false',
      '-folder=/Datacenter/vm/Development',
      '-pool=/Datacenter/host/Compute-Cluster/Resources',
      '-ds=nfs-shared-01',
      '-net=VM Network',
      vmName,
    );
    try {
      const { provider: p, mutations } = await provider({
        catalog: {
          includeVcenterVms: true,
          vcenterVmFilters: {
            folders: [developmentFolder],
            clusters: ['Compute-Cluster'],
          },
        },
      });
      await p.refresh();
      const titles = () =>
        [...entitiesOf(mutations[mutations.length - 1]).values()]
          .filter(
            e =>
              !e.metadata.annotations?.[
                'vsphere.vmware.com/supervisor-namespace'
              ],
          )
          .map(e => e.metadata.title);
      expect(titles()).toContain(vmName);

      await govc(env, 'vm.destroy', vmName);
      await p.refresh();
      expect(mutations).toHaveLength(2);
      expect(titles()).not.toContain(vmName);
      // the seeded VMs of the folder are still there
      expect(titles().length).toBeGreaterThan(1);
    } finally {
      await govc(env, 'vm.destroy', vmName).catch(() => undefined);
    }
  });

  it('applies nothing and logs the error when vCenter cannot be reached', async () => {
    const {
      provider: p,
      mutations,
      logger,
    } = await provider({
      vcenter: { url: 'https://127.0.0.1:1', requestTimeout: '2s' },
    });
    const result = await p.refresh();
    expect(result).toMatchObject({ applied: false });
    expect(mutations).toEqual([]);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Reading vCenter 'testenv' failed, so its catalog entities stay as they were: /,
      ),
    );
  });

  it('adds a namespace the scaffolder announces within seconds, as a delta owned by its OWNER group', async () => {
    const events = DefaultEventsService.create({
      logger: mockServices.logger.mock(),
    });
    const { provider: p, mutations, clients } = await provider({ events });
    await p.refresh();
    const name = `catalog-it-${randomBytes(3).toString('hex')}`;
    const vc = clients.vcenter();
    await vc.createNamespace({
      cluster: env.vcenter.wcpClusterId,
      namespace: name,
      vmServiceSpec: { vmClasses: ['best-effort-small'], contentLibraries: [] },
      accessList: [
        {
          subjectType: 'GROUP',
          subject: 'team-b',
          domain: 'vsphere.local',
          role: 'OWNER',
        },
      ],
    });
    try {
      const started = Date.now();
      await events.publish({
        topic: VSPHERE_RESOURCE_CREATED_TOPIC,
        eventPayload: {
          vcenter: 'testenv',
          kind: 'namespace',
          namespace: name,
        },
      });
      const elapsed = Date.now() - started;
      expect(elapsed).toBeLessThan(5_000);
      expect(mutations.map(m => m.type)).toEqual(['full', 'delta']);
      const added = entitiesOf(mutations[1]).get(name);
      expect(added?.spec).toEqual({
        type: 'vsphere-namespace',
        owner: 'group:default/team-b',
        dependsOn: ['resource:default/testenv.supervisor.supervisor'],
      });
      // and the next full run keeps it
      await p.refresh();
      expect(entitiesOf(mutations[2]).has(name)).toBe(true);
    } finally {
      await vc.deleteNamespace(name);
    }
  });

  it('costs a fixed number of upstream requests per run, whatever the VM count', async () => {
    const { provider: p, clients } = await provider({
      catalog: { includeVcenterVms: true },
    });
    // count Supervisor calls on the client the provider uses
    const supervisor = clients.supervisor('testenv', 'supervisor');
    const list = jest.spyOn(supervisor, 'list');
    await p.refresh(); // warm: sessions and API discovery
    list.mockClear();
    const start = recorderPosition(env);
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const sampler = setInterval(() => {
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }, 10);
    const result = await p.refresh().finally(() => clearInterval(sampler));
    const requests = readRecordedRequests(env, start);
    expect(result).toMatchObject({ applied: true });
    const soap = requests.filter(r => r.operation).map(r => r.operation);
    const pages = Math.ceil(env.vcenter.vmCount / 1000);
    // two container views (VMs; host and datastore names), each created, read in pages, destroyed
    expect(soap.filter(o => o === 'RetrievePropertiesEx')).toHaveLength(2);
    expect(
      soap.filter(o => o === 'ContinueRetrievePropertiesEx').length,
    ).toBeLessThanOrEqual(pages);
    expect(list.mock.calls.map(([kind]) => kind).sort()).toEqual([
      'Cluster',
      'Namespace',
      'TanzuKubernetesCluster',
      'VirtualMachine',
    ]);
    const namespaceDetails = requests.filter(r =>
      /^\/api\/vcenter\/namespaces\/instances\/[^/]+$/.test(r.path),
    );
    // eslint-disable-next-line no-console
    console.log(
      `full run with ${env.vcenter.vmCount} simulator VMs: ${
        result.durationMs
      } ms, ${soap.length} SOAP requests (${soap.join(', ')}), ${
        requests.length - soap.length
      } REST requests (${namespaceDetails.length} namespace details), ${
        list.mock.calls.length
      } Supervisor lists, heap +${Math.round(
        (heapPeak - heapBefore) / 2 ** 20,
      )} MiB at peak`,
    );
  });

  it('applies a VM created and deleted with kubectl as deltas within seconds, with no full run', async () => {
    const testenv = await provider({ snapshot: true });
    await testenv.provider.refresh();
    await testenv.snapshot!.follow(env.vcenter.name);
    const name = `it-live-${randomBytes(3).toString('hex')}`;
    const entityName = `demo.vm.${name}`;
    const manifest = path.join(os.tmpdir(), `${name}.yaml`);
    fs.writeFileSync(
      manifest,
      JSON.stringify({
        apiVersion: 'vmoperator.vmware.com/v1alpha5',
        kind: 'VirtualMachine',
        metadata: { name, namespace: 'demo' },
        spec: {
          className: 'best-effort-small',
          imageName: 'ubuntu-2204-kube-v1.33',
          storageClass: 'vsan-default-storage-policy',
          powerState: 'PoweredOff',
        },
      }),
    );
    /** Waits for a delta that matches, returning how long it took. */
    const deltaWithin = async (
      matches: (m: EntityProviderMutation) => boolean,
      timeoutMs: number,
    ) => {
      const started = Date.now();
      while (!testenv.mutations.some(matches)) {
        if (Date.now() - started > timeoutMs) return Infinity;
        await new Promise(resolve => setTimeout(resolve, 50));
      }
      return Date.now() - started;
    };
    const adds = (m: EntityProviderMutation) =>
      m.type === 'delta' &&
      m.added.some(d => d.entity.metadata.name === entityName);
    const removes = (m: EntityProviderMutation) =>
      m.type === 'delta' &&
      m.removed.some(
        r =>
          'entityRef' in r && r.entityRef === `resource:default/${entityName}`,
      );
    try {
      testenvKubectl(env, 'apply', '-f', manifest);
      const addedMs = await deltaWithin(adds, 10_000);
      expect(addedMs).toBeLessThan(5_000);
      testenvKubectl(env, 'delete', '-f', manifest, '--wait=false');
      const removedMs = await deltaWithin(removes, 10_000);
      expect(removedMs).toBeLessThan(5_000);
    } finally {
      testenvKubectl(env, 'delete', '-f', manifest, '--ignore-not-found');
      fs.rmSync(manifest, { force: true });
    }
    // the full run stays the safety net: only the first mutation was one
    expect(testenv.mutations.filter(m => m.type === 'full')).toHaveLength(1);
  });
});
