import {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { EventParams, EventsService } from '@backstage/plugin-events-node';
import {
  InventoryChange,
  InventorySnapshot,
  VCenterConfig,
} from '@backstage-vsphere/plugin-vsphere-node';
import {
  ANNOTATION_SUPERVISOR_NAMESPACE,
  parseVsphereResourceCreatedEvent,
  VSPHERE_RESOURCE_CREATED_TOPIC,
} from '@backstage-vsphere/plugin-vsphere-common';
import { VsphereCatalogConfig } from '../config';
import { buildEntities } from '../entities/buildEntities';
import { InventoryReader } from '../inventory/InventoryReader';
import { VcenterSources } from '../inventory/sources';
import { snapshotSources } from '../inventory/snapshotSources';

/** Supervisor kinds the catalog's entities are made of; other changes (events, machines) do not touch it. */
const CATALOG_KINDS = new Set([
  'Namespace',
  'VirtualMachine',
  'Cluster',
  'TanzuKubernetesCluster',
]);

/** Changes to one namespace that arrive together become one delta. */
const DELTA_DELAY_MS = 300;

/** The Supervisor namespace an entity belongs to (a namespace entity: its own). */
function namespaceOf(entity: Entity): string | undefined {
  return entity.metadata.annotations?.[ANNOTATION_SUPERVISOR_NAMESPACE];
}

/**
 * Options of {@link VsphereEntityProvider.create}.
 * @public
 */
export interface VsphereEntityProviderOptions {
  vcenter: VCenterConfig;
  config: VsphereCatalogConfig;
  sources: VcenterSources;
  logger: LoggerService;
  taskRunner: SchedulerServiceTaskRunner;
  events?: EventsService;
  /** The watch-fed inventory; with it, upstream changes reach the catalog as deltas within seconds. */
  snapshot?: InventorySnapshot;
  /**
   * How many vCenters are configured (default 1). With one, events that name no vCenter are this
   * provider's; with several, entity names begin with the vCenter's name (see vsphereEntityName).
   */
  vcenterCount?: number;
}

/**
 * What one full run did.
 * @public
 */
export type VsphereRefreshResult =
  | { applied: true; entities: number; durationMs: number }
  | { applied: false; error: Error; durationMs: number };

interface AppliedDelta {
  entity: Entity;
  /** The delta counter when it was applied, to tell deltas newer than a full read. */
  sequence: number;
}

/**
 * Ingests one vCenter's Supervisors, namespaces, VM Service VMs and workload clusters (and, when
 * configured, its other VMs) as Resource entities: in full on a schedule, and for one namespace
 * at once when a vSphere scaffolder action announces a creation.
 *
 * A full mutation is applied only after a complete, non-empty read; on any failure the catalog
 * keeps what it has, so entities disappear only when a complete read no longer finds them.
 * @public
 */
export class VsphereEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private readonly reader: InventoryReader;
  private readonly logger: LoggerService;
  private readonly deltas = new Map<string, AppliedDelta>();
  private deltaSequence = 0;
  /** What the catalog holds of each namespace, from the last full run and deltas since, to tell what is gone. */
  private readonly applied = new Map<string, Map<string, string>>();
  private readonly pendingNamespaces = new Map<string, NodeJS.Timeout>();
  /** Entities a delta removed, by delta counter, so a full read that began earlier does not bring them back. */
  private readonly removals = new Map<string, number>();

  static create(options: VsphereEntityProviderOptions): VsphereEntityProvider {
    return new VsphereEntityProvider(options);
  }

  private constructor(private readonly options: VsphereEntityProviderOptions) {
    this.logger = options.logger.child({
      target: this.getProviderName(),
      vcenter: options.vcenter.name,
    });
    this.reader = new InventoryReader(
      options.vcenter,
      options.config,
      options.sources,
      this.logger,
    );
    // deltas read the Supervisor from the snapshot; the full run, the safety net, reads upstream
    this.deltaReader = options.snapshot
      ? new InventoryReader(
          options.vcenter,
          options.config,
          snapshotSources(
            options.sources,
            options.snapshot,
            options.vcenter.name,
          ),
          this.logger,
        )
      : this.reader;
  }

  private readonly deltaReader: InventoryReader;

  getProviderName(): string {
    return `vsphere-entity-provider:${this.options.vcenter.name}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.options.taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async abortSignal => {
        await this.refresh(abortSignal);
      },
    });
    await this.options.events?.subscribe({
      id: `vsphere-entity-provider-${this.options.vcenter.name}`,
      topics: [VSPHERE_RESOURCE_CREATED_TOPIC],
      onEvent: params => this.onEvent(params),
    });
    const snapshot = this.options.snapshot;
    if (snapshot) {
      snapshot.subscribe(change => this.onInventoryChange(change));
      // start following at once, not on the first page view; failures are retried by the feeds
      snapshot.follow(this.options.vcenter.name).catch(() => undefined);
    }
  }

  /** A change in the snapshot: the namespace is read again (from the snapshot) shortly after. */
  private onInventoryChange(change: InventoryChange) {
    if (
      change.vcenter !== this.options.vcenter.name ||
      !change.kinds.some(kind => CATALOG_KINDS.has(kind))
    ) {
      return;
    }
    clearTimeout(this.pendingNamespaces.get(change.namespace));
    const timer = setTimeout(() => {
      this.pendingNamespaces.delete(change.namespace);
      this.refreshNamespace(change.namespace).catch(error =>
        this.logger.warn(
          `Could not update namespace '${change.namespace}' in the catalog; the next full run will: ${error}`,
        ),
      );
    }, DELTA_DELAY_MS);
    timer.unref();
    this.pendingNamespaces.set(change.namespace, timer);
  }

  /** Reads everything and applies a full mutation; on failure logs and leaves the catalog alone. */
  async refresh(signal?: AbortSignal): Promise<VsphereRefreshResult> {
    const connection = this.requireConnection();
    const started = Date.now();
    const sequenceAtStart = this.deltaSequence;
    let entities: Entity[];
    try {
      const inventory = await this.reader.readAll(signal);
      entities = buildEntities(inventory, this.buildOptions());
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      this.logger.error(
        `Reading vCenter '${this.options.vcenter.name}' failed, so its catalog entities stay as they were: ${failure.message}`,
      );
      return {
        applied: false,
        error: failure,
        durationMs: Date.now() - started,
      };
    }
    entities = this.withNewerDeltas(entities, sequenceAtStart);
    await connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => this.deferred(entity)),
    });
    this.applied.clear();
    for (const entity of entities) {
      this.remember(entity);
    }
    for (const [ref, delta] of this.deltas) {
      if (delta.sequence <= sequenceAtStart) this.deltas.delete(ref);
    }
    for (const [ref, sequence] of this.removals) {
      if (sequence <= sequenceAtStart) this.removals.delete(ref);
    }
    const durationMs = Date.now() - started;
    this.logger.info(
      `Applied ${entities.length} entities from vCenter '${this.options.vcenter.name}' in ${durationMs} ms`,
    );
    return { applied: true, entities: entities.length, durationMs };
  }

  /**
   * Re-reads one namespace and applies what changed: its entities added or updated, those gone
   * (or all of them, when vCenter no longer has the namespace) removed. Returns how many were added.
   */
  async refreshNamespace(namespace: string): Promise<number> {
    const connection = this.requireConnection();
    const inventory = await this.deltaReader.readNamespace(namespace);
    const entities = inventory
      ? buildEntities(inventory, {
          ...this.buildOptions(),
          skipSupervisors: true,
        })
      : [];
    const before = this.applied.get(namespace) ?? new Map<string, string>();
    const now = new Map(
      entities.map(e => [stringifyEntityRef(e), JSON.stringify(e)]),
    );
    const added = entities.filter(
      e => before.get(stringifyEntityRef(e)) !== now.get(stringifyEntityRef(e)),
    );
    const removed = [...before.keys()].filter(ref => !now.has(ref));
    if (added.length === 0 && removed.length === 0) {
      return 0;
    }
    const sequence = ++this.deltaSequence;
    for (const entity of added) {
      this.deltas.set(stringifyEntityRef(entity), { entity, sequence });
    }
    for (const ref of removed) {
      this.deltas.delete(ref);
      this.removals.set(ref, sequence);
    }
    await connection.applyMutation({
      type: 'delta',
      added: added.map(entity => this.deferred(entity)),
      removed: removed.map(entityRef => ({
        entityRef,
        locationKey: this.getProviderName(),
      })),
    });
    this.applied.set(namespace, now);
    this.logger.info(
      `Namespace '${namespace}' of vCenter '${this.options.vcenter.name}': ${added.length} entities added or changed, ${removed.length} removed`,
    );
    return added.length;
  }

  private remember(entity: Entity) {
    const namespace = namespaceOf(entity);
    if (!namespace) return;
    let refs = this.applied.get(namespace);
    if (!refs) {
      refs = new Map();
      this.applied.set(namespace, refs);
    }
    refs.set(stringifyEntityRef(entity), JSON.stringify(entity));
  }

  /** Handles an announcement; errors are logged, as the next full run catches up anyway. */
  async onEvent(params: EventParams): Promise<void> {
    const event = parseVsphereResourceCreatedEvent(params.eventPayload);
    if (!event) {
      this.logger.warn(
        `Ignoring a ${params.topic} event that names no valid namespace`,
      );
      return;
    }
    const mine = event.vcenter
      ? event.vcenter === this.options.vcenter.name
      : this.vcenterCount() === 1;
    if (!mine) {
      return;
    }
    try {
      await this.refreshNamespace(event.namespace);
    } catch (error) {
      this.logger.error(
        `Could not add ${event.kind} '${
          event.name ?? event.namespace
        }' of namespace '${
          event.namespace
        }' to the catalog; the next full run will: ${error}`,
      );
    }
  }

  private buildOptions() {
    return {
      vcenter: this.options.vcenter,
      config: this.options.config,
      vcenterCount: this.vcenterCount(),
      warn: (message: string) => this.logger.warn(message),
    };
  }

  private vcenterCount(): number {
    return this.options.vcenterCount ?? 1;
  }

  private deferred(entity: Entity): DeferredEntity {
    return { entity, locationKey: this.getProviderName() };
  }

  /** A delta applied while the full read ran may be missing from it; keep it until a newer read. */
  private withNewerDeltas(read: Entity[], sequence: number): Entity[] {
    const entities = read.filter(e => {
      const removedAt = this.removals.get(stringifyEntityRef(e));
      return removedAt === undefined || removedAt <= sequence;
    });
    const refs = new Set(entities.map(e => stringifyEntityRef(e)));
    const newer = [...this.deltas.entries()]
      .filter(([ref, d]) => d.sequence > sequence && !refs.has(ref))
      .map(([, d]) => d.entity);
    if (newer.length === 0) {
      return entities;
    }
    return [...entities, ...newer].sort((a, b) =>
      a.metadata.name < b.metadata.name ? -1 : 1,
    );
  }

  private requireConnection(): EntityProviderConnection {
    if (!this.connection) {
      throw new Error(`${this.getProviderName()} is not connected yet`);
    }
    return this.connection;
  }
}
