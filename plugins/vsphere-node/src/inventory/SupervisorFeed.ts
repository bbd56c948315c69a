import { LoggerService } from '@backstage/backend-plugin-api';
import { SupervisorClient } from '../supervisor/SupervisorClient';
import { isSupervisorForbidden } from '../supervisor/errors';
import { KubeObject } from '../supervisor/objects';
import { SupervisorWatch } from '../supervisor/watch';
import { SourceHealth } from './SourceHealth';

/**
 * A kind the Supervisor feed follows, with one informer across all namespaces.
 * @public
 */
export type FedKind =
  | 'Namespace'
  | 'VirtualMachine'
  | 'Cluster'
  | 'TanzuKubernetesCluster'
  | 'MachineDeployment'
  | 'Machine'
  | 'ResourceQuota'
  | 'LimitRange'
  | 'Event';

/** Every {@link FedKind}, in start order. */
export const FED_KINDS: readonly FedKind[] = [
  'Namespace',
  'VirtualMachine',
  'Cluster',
  'TanzuKubernetesCluster',
  'MachineDeployment',
  'Machine',
  'ResourceQuota',
  'LimitRange',
  'Event',
];

/** What changed in the feed: a kind in a namespace (a Namespace object's own name for that kind). */
export interface SupervisorChange {
  kind: FedKind;
  namespace: string;
}

/**
 * Kinds a page can do without: a Supervisor account granted no read of them (deployments older
 * than the kind's arrival here) leaves them out with a warning instead of failing the whole feed.
 */
const OPTIONAL_KINDS: ReadonlySet<FedKind> = new Set(['LimitRange']);

const MIN_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;

/**
 * The objects of one Supervisor as informers see them: one list-then-watch per kind across
 * namespaces (relisting on 410 Gone, reconnecting with backoff), kinds the Supervisor does not
 * serve left out, and a keep-alive probe so a server that stopped answering turns the feed stale.
 */
export class SupervisorFeed {
  readonly health: SourceHealth;
  private readonly watches = new Map<FedKind, SupervisorWatch>();
  /** kind → namespace → name → object. */
  private readonly store = new Map<
    FedKind,
    Map<string, Map<string, KubeObject>>
  >();
  private readonly failedKinds = new Map<FedKind, string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly client: SupervisorClient,
    source: string,
    private readonly options: {
      deadlineMs: number;
      logger: LoggerService;
      onChange: (change: SupervisorChange) => void;
    },
  ) {
    this.health = new SourceHealth(source, options.deadlineMs);
  }

  /** Starts every informer; resolves when each served kind has been listed once or has failed. */
  async start(): Promise<void> {
    await Promise.all(FED_KINDS.map(kind => this.startKind(kind)));
    this.scheduleProbe();
    if (this.failedKinds.size === 0) {
      this.health.synced();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.forEach(clearTimeout);
    this.timers.clear();
    await Promise.all([...this.watches.values()].map(w => w.stop()));
    this.watches.clear();
  }

  /** The objects of a kind in a namespace, as last seen. */
  objects(kind: FedKind, namespace: string): KubeObject[] {
    return [...(this.store.get(kind)?.get(namespace)?.values() ?? [])];
  }

  /** Names of the Supervisor's Kubernetes namespaces, as last seen. */
  namespaces(): string[] {
    return [...(this.store.get('Namespace')?.get('')?.keys() ?? [])];
  }

  private async startKind(kind: FedKind, retryMs = MIN_RETRY_MS) {
    if (this.stopped) return;
    try {
      if (!(await this.client.isServed(kind))) {
        return;
      }
      const byNamespace = new Map<string, Map<string, KubeObject>>();
      this.store.set(kind, byNamespace);
      // the informer's first list is what the feed starts from, not a change to tell anyone about
      let listed = false;
      const watch = await this.client.watch(
        kind,
        event => {
          const ns = event.object.metadata?.namespace ?? '';
          const name = event.object.metadata?.name ?? '';
          let objects = byNamespace.get(ns);
          if (!objects) {
            objects = new Map();
            byNamespace.set(ns, objects);
          }
          if (event.type === 'deleted') {
            objects.delete(name);
          } else {
            objects.set(name, event.object);
          }
          this.health.synced();
          if (listed) {
            this.options.onChange({
              kind,
              namespace: kind === 'Namespace' ? name : ns,
            });
          }
        },
        {
          // the informer reconnects on its own; the feed is stale until an event or probe succeeds
          onError: error => this.health.failed(error.message, error.name),
        },
      );
      listed = true;
      if (this.stopped) {
        await watch.stop();
        return;
      }
      this.watches.set(kind, watch);
      this.failedKinds.delete(kind);
    } catch (error) {
      const message = (error as Error).message;
      if (OPTIONAL_KINDS.has(kind) && isSupervisorForbidden(error)) {
        this.store.delete(kind);
        this.options.logger.warn(
          `Inventory of ${this.health.source}: ${kind} objects are left out: ${message}`,
        );
        return;
      }
      this.failedKinds.set(kind, message);
      this.health.failed(message, (error as Error).name);
      this.options.logger.warn(
        `Inventory of ${
          this.health.source
        }: ${kind} could not be listed, retrying in ${
          retryMs / 1000
        } s: ${message}`,
      );
      this.later(retryMs, () =>
        this.startKind(kind, Math.min(retryMs * 2, MAX_RETRY_MS)),
      );
    }
  }

  /** A watch stream says nothing while nothing changes: a probe at half the deadline keeps it honest. */
  private scheduleProbe() {
    this.later(this.options.deadlineMs / 2, async () => {
      try {
        await this.client.ping({
          signal: AbortSignal.timeout(this.options.deadlineMs / 2),
        });
        if (this.failedKinds.size === 0) {
          this.health.synced();
        }
      } catch (error) {
        this.health.failed((error as Error).message, (error as Error).name);
      }
      this.scheduleProbe();
    });
  }

  private later(ms: number, run: () => unknown) {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }
}
