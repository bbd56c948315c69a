import { mockServices } from '@backstage/backend-test-utils';
import { SchedulerServiceTaskRunner } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import {
  catalogConfig,
  demoData,
  stubSources,
  vcenterConfig,
} from '../__testUtils__/stubSources';
import { VSPHERE_RESOURCE_CREATED_TOPIC } from '@backstage-vsphere/plugin-vsphere-common';
import { VsphereEntityProvider } from './VsphereEntityProvider';

function setup(stub = stubSources()) {
  const logger = mockServices.logger.mock();
  logger.child.mockReturnValue(logger);
  const mutations: EntityProviderMutation[] = [];
  const connection: EntityProviderConnection = {
    applyMutation: jest.fn(async m => {
      mutations.push(m);
    }),
    refresh: jest.fn(),
  };
  const taskRunner: SchedulerServiceTaskRunner = { run: jest.fn() };
  const events = DefaultEventsService.create({ logger });
  const provider = VsphereEntityProvider.create({
    vcenter: vcenterConfig,
    config: catalogConfig,
    sources: stub.sources,
    logger,
    taskRunner,
    events,
    vcenterCount: 1,
  });
  return { provider, connection, mutations, logger, taskRunner, events, stub };
}

const names = (mutation: EntityProviderMutation) =>
  (mutation.type === 'full' ? mutation.entities : mutation.added).map(
    d => d.entity.metadata.name,
  );

describe('VsphereEntityProvider', () => {
  it('schedules its full run and applies the inventory as one sorted full mutation', async () => {
    const { provider, connection, mutations, taskRunner } = setup();
    await provider.connect(connection);
    expect(provider.getProviderName()).toBe('vsphere-entity-provider:vc1');
    expect(taskRunner.run).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'vsphere-entity-provider:vc1:refresh' }),
    );

    const result = await provider.refresh();
    expect(result).toMatchObject({ applied: true, entities: 7 });
    expect(mutations).toHaveLength(1);
    expect(mutations[0].type).toBe('full');
    expect(names(mutations[0])).toEqual([
      'demo',
      'demo.cluster.demo-cluster',
      'demo.vm.demo-db-01',
      'demo.vm.demo-web-01',
      'team-a',
      'team-a.cluster.team-a-tkc',
      'vc1.supervisor.sv1',
    ]);
    const locationKeys = new Set(
      mutations[0].type === 'full'
        ? mutations[0].entities.map(d => d.locationKey)
        : [],
    );
    expect([...locationKeys]).toEqual(['vsphere-entity-provider:vc1']);
  });

  it('applies byte-identical mutations when nothing changed', async () => {
    const { provider, connection, mutations } = setup();
    await provider.connect(connection);
    await provider.refresh();
    await provider.refresh();
    expect(JSON.stringify(mutations[1])).toBe(JSON.stringify(mutations[0]));
  });

  it('applies nothing and logs the error when an upstream read fails', async () => {
    const { provider, connection, mutations, logger, stub } = setup();
    await provider.connect(connection);
    await provider.refresh();
    stub.failures.set(
      'supervisor.list:Cluster',
      new ServiceUnavailableError("Supervisor 'sv1' did not answer"),
    );
    const result = await provider.refresh();
    expect(result).toMatchObject({ applied: false });
    expect(mutations).toHaveLength(1);
    expect(logger.error).toHaveBeenCalledWith(
      "Reading vCenter 'vc1' failed, so its catalog entities stay as they were: Supervisor 'sv1' did not answer",
    );
  });

  it('applies nothing when vCenter suddenly lists no namespaces', async () => {
    const data = demoData();
    const { provider, connection, mutations, logger } = setup(
      stubSources(data),
    );
    await provider.connect(connection);
    await provider.refresh();
    data.namespaces = [];
    await provider.refresh();
    expect(mutations).toHaveLength(1);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('listed no Supervisor namespaces'),
    );
  });

  it('removes an object only after a complete read that lacks it', async () => {
    const data = demoData();
    const { provider, connection, mutations } = setup(stubSources(data));
    await provider.connect(connection);
    await provider.refresh();
    data.vms = data.vms.filter(vm => vm.metadata.name !== 'demo-db-01');
    await provider.refresh();
    expect(names(mutations[0])).toContain('demo.vm.demo-db-01');
    expect(names(mutations[1])).not.toContain('demo.vm.demo-db-01');
  });

  it('adds a new namespace as a delta when the scaffolder announces it', async () => {
    const data = demoData();
    const { provider, connection, mutations, events } = setup(
      stubSources(data),
    );
    await provider.connect(connection);
    await provider.refresh();
    data.namespaces.push({
      name: 'team-b',
      cluster: 'domain-c8',
      configStatus: 'RUNNING',
      messages: [],
      accessList: [
        {
          subjectType: 'GROUP',
          subject: 'team-b',
          domain: 'vsphere.local',
          role: 'OWNER',
        },
      ],
    });
    await events.publish({
      topic: VSPHERE_RESOURCE_CREATED_TOPIC,
      eventPayload: { vcenter: 'vc1', kind: 'namespace', namespace: 'team-b' },
    });
    expect(mutations).toHaveLength(2);
    const delta = mutations[1];
    expect(delta).toMatchObject({ type: 'delta', removed: [] });
    expect(names(delta)).toEqual(['team-b']);
    expect(delta.type === 'delta' && delta.added[0].entity.spec).toEqual({
      type: 'vsphere-namespace',
      owner: 'group:default/team-b',
      dependsOn: ['resource:default/vc1.supervisor.sv1'],
    });
  });

  it('ignores events of other vCenters and events without a namespace', async () => {
    const { provider, connection, mutations, events, logger } = setup();
    await provider.connect(connection);
    await events.publish({
      topic: VSPHERE_RESOURCE_CREATED_TOPIC,
      eventPayload: { vcenter: 'vc2', kind: 'namespace', namespace: 'demo' },
    });
    await events.publish({
      topic: VSPHERE_RESOURCE_CREATED_TOPIC,
      eventPayload: { vcenter: 'vc1', kind: 'vm' },
    });
    expect(mutations).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      `Ignoring a ${VSPHERE_RESOURCE_CREATED_TOPIC} event that names no valid namespace`,
    );
  });

  it('keeps a delta that a full read started earlier did not see', async () => {
    const data = demoData();
    const stub = stubSources(data);
    const { provider, connection, mutations } = setup(stub);
    await provider.connect(connection);
    // hold the full read after its namespace list, then create and announce a namespace
    let release!: () => void;
    const held = new Promise<void>(resolve => {
      release = resolve;
    });
    const vc = stub.sources.vcenter();
    stub.sources.vcenter = () => ({
      ...vc,
      listNamespaces: async options => {
        const listed = await vc.listNamespaces(options);
        await held;
        return listed;
      },
    });
    const full = provider.refresh();
    data.namespaces.push({ ...data.namespaces[1], name: 'team-b' });
    await provider.refreshNamespace('team-b');
    release();
    await full;
    expect(mutations.map(m => m.type)).toEqual(['delta', 'full']);
    expect(names(mutations[1])).toContain('team-b');
  });
});
