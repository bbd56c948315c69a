import { mockServices } from '@backstage/backend-test-utils';
import { SchedulerServiceTaskRunner } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import { JsonObject } from '@backstage/types';
import {
  InventorySnapshot,
  VsphereClients,
  readVsphereConfig,
} from '@backstage-vsphere/plugin-vsphere-node';
import {
  TestenvInfo,
  testenvGovc,
  testenvVsphereConfig,
} from '@backstage-vsphere/plugin-vsphere-node/testUtils';
import { VsphereCatalogConfig, readCatalogConfig } from '../config';
import { vcenterSources } from '../inventory/sources';
import { VsphereEntityProvider } from '../provider/VsphereEntityProvider';

/** A provider on the testenv with real clients and a connection that records mutations. */
export async function testenvProvider(
  env: TestenvInfo,
  options: {
    vcenter?: JsonObject;
    catalog?: JsonObject;
    events?: EventsService;
    /** Feed deltas from a watch-fed snapshot, as the module does. */
    snapshot?: boolean;
  } = {},
) {
  const logger = mockServices.logger.mock();
  logger.child.mockReturnValue(logger);
  const [vcenter] = readVsphereConfig(
    new ConfigReader({
      vsphere: testenvVsphereConfig(env, options.vcenter ?? {}),
    }),
  );
  const clients = new VsphereClients([vcenter], logger);
  const config: VsphereCatalogConfig = readCatalogConfig(
    new ConfigReader({ vsphere: { catalog: options.catalog ?? {} } }),
  );
  const mutations: EntityProviderMutation[] = [];
  const connection: EntityProviderConnection = {
    applyMutation: async mutation => {
      mutations.push(mutation);
    },
    refresh: async () => {},
  };
  const taskRunner: SchedulerServiceTaskRunner = { run: async () => {} };
  const snapshot = options.snapshot
    ? new InventorySnapshot(clients, { logger })
    : undefined;
  const provider = VsphereEntityProvider.create({
    vcenter,
    config,
    sources: vcenterSources(clients, vcenter.name),
    logger,
    taskRunner,
    events: options.events,
    snapshot,
    vcenterCount: 1,
  });
  await provider.connect(connection);
  return { provider, mutations, logger, clients, vcenter, snapshot };
}

/** Runs the testenv's govc against the simulator. */
export async function govc(env: TestenvInfo, ...args: string[]) {
  return testenvGovc(env, ...args).trim();
}

/** The entities of a full mutation (or the added ones of a delta) by name. */
export function entitiesOf(mutation: EntityProviderMutation) {
  const deferred =
    mutation.type === 'full' ? mutation.entities : mutation.added;
  return new Map(deferred.map(d => [d.entity.metadata.name, d.entity]));
}
