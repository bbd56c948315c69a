import { LoggerService } from '@backstage/backend-plugin-api';
import {
  SourceError,
  SourceStatus,
  SupervisorEvent,
  SupervisorLimitRange,
  SupervisorResourceQuota,
  VCenterVm,
  VmServiceVm,
  WorkloadCluster,
} from '@backstage-vsphere/plugin-vsphere-common';
import { VsphereClients } from '../service/VsphereClients';
import { buildWorkloadClusters } from '../supervisor/clusters';
import {
  toSupervisorEvent,
  toSupervisorLimitRange,
  toSupervisorResourceQuota,
} from '../supervisor/namespaces';
import { toVmServiceVm } from '../supervisor/virtualMachines';
import {
  ContentLibrary,
  StoragePolicy,
  SupervisorNamespace,
  VmClass,
} from '../vcenter/types';
import { KubeObject } from '../supervisor/objects';
import { FedKind, SupervisorChange, SupervisorFeed } from './SupervisorFeed';
import { VCenterFeed, VCenterFeedChange } from './VCenterFeed';

/**
 * A namespace whose view changed; open pages of it should read it again.
 * @public
 */
export interface InventoryChange {
  vcenter: string;
  supervisor: string;
  namespace: string;
  /** What changed: Supervisor kinds, `vcenter` for vCenter VMs or REST data, `health` for a source's state. */
  kinds: string[];
}

/**
 * Timing of the snapshot's feeds.
 * @public
 */
export interface InventorySnapshotOptions {
  logger: LoggerService;
  /** A Supervisor silent (no event, no answered probe) this long is stale. Default 10 s. */
  supervisorDeadlineMs?: number;
  /** Length of vCenter's WaitForUpdatesEx long-poll; silent past it plus 5 s is stale. Default 5 s. */
  vcenterMaxWaitSeconds?: number;
  /** How often REST-only data (namespaces, storage policies, libraries) is read again while viewed. Default 60 s. */
  restIntervalMs?: number;
  /** How long a view waits for a feed's first sync or a REST read. Default 4 s. */
  firstReadDeadlineMs?: number;
}

/**
 * One Supervisor namespace as the snapshot holds it: Supervisor objects, the vCenter VMs they
 * run as, and vCenter's REST data, with the state of each source.
 * @public
 */
export interface NamespaceSnapshot {
  vcenter: string;
  supervisor: string;
  namespace: string;
  info?: SupervisorNamespace;
  storagePolicies: StoragePolicy[];
  contentLibraries: ContentLibrary[];
  /** vCenter's VM classes (all of them; the namespace record says which it may use). */
  vmClasses: VmClass[];
  /** All VM Service VMs of the namespace, cluster nodes included. */
  vms: VmServiceVm[];
  /** The vCenter VMs those VMs run as. */
  vcenterVms: VCenterVm[];
  clusters: WorkloadCluster[];
  resourceQuotas: SupervisorResourceQuota[];
  limitRanges: SupervisorLimitRange[];
  /** Newest first. */
  events: SupervisorEvent[];
  sources: SourceStatus[];
  /** Sources that are stale or failed, and REST reads that failed. */
  errors: SourceError[];
}

const NOTIFY_DELAY_MS = 100;
const HEALTH_TICK_MS = 1_000;

function errorOf(status: SourceStatus): SourceError | undefined {
  if (status.state !== 'stale' && status.state !== 'failed') {
    return undefined;
  }
  const since = status.lastSyncedAt
    ? `; showing data last synced at ${status.lastSyncedAt}`
    : '';
  return {
    source: status.source,
    // stale data is stale whatever the cause; a source that never delivered says why
    name:
      status.state === 'stale'
        ? 'StaleSourceError'
        : status.errorName ?? 'SourceFailedError',
    message: `${status.source} is ${status.state}: ${status.reason}${since}`,
  };
}

/**
 * The process's inventory, fed by watches: per Supervisor one informer per kind, per vCenter a
 * PropertyCollector feed, REST-only data read while viewed. Views read it without upstream
 * requests; listeners hear which namespaces changed. Per process on purpose: every replica
 * follows the same upstream changes, so replicas agree without sharing state.
 * @public
 */
export class InventorySnapshot {
  private readonly supervisors = new Map<string, SupervisorFeed>();
  private readonly supervisorStarts = new Map<string, Promise<void>>();
  private readonly firstSyncs = new Map<string, Promise<void>>();
  private readonly vcenters = new Map<string, VCenterFeed>();
  private readonly listeners = new Set<(change: InventoryChange) => void>();
  private readonly pending = new Map<string, InventoryChange>();
  private readonly lastStates = new Map<string, SourceStatus['state']>();
  private notifyTimer?: NodeJS.Timeout;
  private readonly healthTimer: NodeJS.Timeout;
  private readonly options: Required<InventorySnapshotOptions>;

  constructor(
    private readonly clients: VsphereClients,
    options: InventorySnapshotOptions,
  ) {
    this.options = {
      logger: options.logger,
      supervisorDeadlineMs: options.supervisorDeadlineMs ?? 10_000,
      vcenterMaxWaitSeconds: options.vcenterMaxWaitSeconds ?? 5,
      restIntervalMs: options.restIntervalMs ?? 60_000,
      firstReadDeadlineMs: options.firstReadDeadlineMs ?? 4_000,
    };
    this.healthTimer = setInterval(() => this.checkHealth(), HEALTH_TICK_MS);
    this.healthTimer.unref();
  }

  /** Hears, at most every 100 ms per namespace, which namespaces changed. */
  subscribe(listener: (change: InventoryChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A namespace's view; feeds start on first use and are waited for at most the first-read deadline. */
  async namespace(
    vcenterName: string | undefined,
    supervisorName: string | undefined,
    namespace: string,
  ): Promise<NamespaceSnapshot> {
    const vcName = this.clients.config(vcenterName).name;
    const svName = this.clients.supervisor(vcName, supervisorName).name;
    const deadline = this.options.firstReadDeadlineMs;
    const supervisor = this.supervisorFeed(vcName, svName);
    const vcenter = this.vcenterFeed(vcName);
    await this.firstSync(vcName, svName, vcenter);

    const errors: SourceError[] = [];
    const rest = async <T>(read: Promise<T>, fallback: T): Promise<T> => {
      try {
        return await read;
      } catch (error) {
        errors.push({
          source: `vcenter:${vcName}`,
          name: (error as Error).name,
          message: (error as Error).message,
        });
        return fallback;
      }
    };
    const [info, storagePolicies, contentLibraries, vmClasses] =
      await Promise.all([
        rest<SupervisorNamespace | undefined>(
          vcenter.namespace(namespace, deadline),
          undefined,
        ),
        rest(vcenter.storagePolicies(deadline), []),
        rest(vcenter.contentLibraries(deadline), []),
        rest(vcenter.vmClasses(deadline), []),
      ]);

    const vms = supervisor
      .objects('VirtualMachine', namespace)
      .map(toVmServiceVm);
    const clusters = buildWorkloadClusters({
      clusters: supervisor.objects('Cluster', namespace),
      tanzuClusters: supervisor.objects('TanzuKubernetesCluster', namespace),
      machineDeployments: supervisor.objects('MachineDeployment', namespace),
      machines: supervisor.objects('Machine', namespace),
    });
    const sources = [vcenter.health(), supervisor.health.status()];
    // one entry per source: its feed's state says most, a failed REST read only when the feed is fine
    const feedErrors = sources.flatMap(status => errorOf(status) ?? []);
    const restErrors = errors.filter(
      (e, i) =>
        !feedErrors.some(f => f.source === e.source) &&
        errors.findIndex(other => other.source === e.source) === i,
    );
    return {
      vcenter: vcName,
      supervisor: svName,
      namespace,
      info,
      storagePolicies,
      contentLibraries,
      vmClasses,
      vms,
      vcenterVms: vcenter.vms(
        vms.flatMap(vm => (vm.uniqueID ? [vm.uniqueID] : [])),
      ),
      clusters,
      resourceQuotas: supervisor
        .objects('ResourceQuota', namespace)
        .map(toSupervisorResourceQuota),
      limitRanges: supervisor
        .objects('LimitRange', namespace)
        .map(toSupervisorLimitRange),
      events: supervisor
        .objects('Event', namespace)
        .map(toSupervisorEvent)
        .sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '')),
      sources,
      errors: [...feedErrors, ...restErrors],
    };
  }

  /**
   * Waits for the feeds' first sync, at most the first-read deadline after the first view
   * asked: later views share that wait instead of each waiting the whole deadline again.
   */
  private firstSync(vcName: string, svName: string, vcenter: VCenterFeed) {
    const key = `${vcName}/${svName}`;
    let waited = this.firstSyncs.get(key);
    if (!waited) {
      waited = Promise.race([
        Promise.all([this.supervisorStarts.get(key), vcenter.start()]).then(
          () => undefined,
        ),
        new Promise<void>(resolve =>
          setTimeout(resolve, this.options.firstReadDeadlineMs).unref(),
        ),
      ]);
      this.firstSyncs.set(key, waited);
    }
    return waited;
  }

  /**
   * Starts the feeds of every Supervisor of a vCenter (the catalog follows them all) and
   * resolves once each has synced or failed its first read.
   */
  async follow(vcenterName: string): Promise<void> {
    const config = this.clients.config(vcenterName);
    await Promise.all(
      config.supervisors.map(s => {
        this.supervisorFeed(config.name, s.name);
        return this.supervisorStarts.get(`${config.name}/${s.name}`);
      }),
    );
  }

  /**
   * The Supervisor objects of a kind in a namespace as the feed holds them, or undefined when the
   * feed has not synced (a caller then reads upstream).
   */
  supervisorObjects(
    vcenterName: string,
    supervisorName: string,
    kind: FedKind,
    namespace: string,
  ): KubeObject[] | undefined {
    const feed = this.supervisors.get(`${vcenterName}/${supervisorName}`);
    if (!feed || feed.health.status().state !== 'live') {
      return undefined;
    }
    return kind === 'Namespace'
      ? feed.objects(kind, '').filter(o => o.metadata?.name === namespace)
      : feed.objects(kind, namespace);
  }

  /** Reads a namespace's REST data again at once (after a change through the portal). */
  async refreshNamespace(vcenterName: string | undefined, namespace: string) {
    const vcName = this.clients.config(vcenterName).name;
    await this.vcenters.get(vcName)?.refreshNamespace(namespace);
  }

  async stop(): Promise<void> {
    clearInterval(this.healthTimer);
    clearTimeout(this.notifyTimer);
    await Promise.all([
      ...[...this.supervisors.values()].map(f => f.stop()),
      ...[...this.vcenters.values()].map(f => f.stop()),
    ]);
  }

  private supervisorFeed(vcName: string, svName: string): SupervisorFeed {
    const key = `${vcName}/${svName}`;
    let feed = this.supervisors.get(key);
    if (!feed) {
      feed = new SupervisorFeed(
        this.clients.supervisor(vcName, svName),
        `supervisor:${key}`,
        {
          deadlineMs: this.options.supervisorDeadlineMs,
          logger: this.options.logger,
          onChange: change => this.supervisorChanged(vcName, svName, change),
        },
      );
      this.supervisors.set(key, feed);
      this.supervisorStarts.set(key, feed.start());
    }
    return feed;
  }

  private vcenterFeed(vcName: string): VCenterFeed {
    let feed = this.vcenters.get(vcName);
    if (!feed) {
      feed = new VCenterFeed(this.clients.vcenter(vcName), {
        maxWaitSeconds: this.options.vcenterMaxWaitSeconds,
        restIntervalMs: this.options.restIntervalMs,
        logger: this.options.logger,
        onChange: change => this.vcenterChanged(vcName, change),
      });
      this.vcenters.set(vcName, feed);
    }
    return feed;
  }

  private supervisorChanged(
    vcenter: string,
    supervisor: string,
    change: SupervisorChange,
  ) {
    if (change.namespace) {
      this.notify({
        vcenter,
        supervisor,
        namespace: change.namespace,
        kinds: [change.kind],
      });
    }
  }

  private vcenterChanged(
    vcenter: string,
    change: VCenterFeedChange,
    kind = 'vcenter',
  ) {
    const changed = new Set(change.type === 'vms' ? change.morefs : []);
    for (const [key, feed] of this.supervisors) {
      if (!key.startsWith(`${vcenter}/`)) continue;
      const supervisor = key.slice(vcenter.length + 1);
      for (const namespace of feed.namespaces()) {
        const affected =
          change.type === 'namespace'
            ? !change.namespace || change.namespace === namespace
            : feed
                .objects('VirtualMachine', namespace)
                .some(vm => changed.has(String(vm.status?.uniqueID ?? '')));
        if (affected) {
          this.notify({ vcenter, supervisor, namespace, kinds: [kind] });
        }
      }
    }
  }

  /** A source that turned stale, failed or live again changes every view that reads it. */
  private checkHealth() {
    for (const [key, feed] of this.supervisors) {
      const [vcenter, supervisor] = key.split('/');
      if (this.flipped(feed.health.status())) {
        feed
          .namespaces()
          .forEach(namespace =>
            this.notify({ vcenter, supervisor, namespace, kinds: ['health'] }),
          );
      }
    }
    for (const [vcenter, feed] of this.vcenters) {
      if (this.flipped(feed.health())) {
        this.vcenterChanged(vcenter, { type: 'namespace' }, 'health');
      }
    }
  }

  private flipped(status: SourceStatus): boolean {
    const before = this.lastStates.get(status.source);
    this.lastStates.set(status.source, status.state);
    return before !== undefined && before !== status.state;
  }

  private notify(change: InventoryChange) {
    const key = `${change.vcenter}/${change.supervisor}/${change.namespace}`;
    const earlier = this.pending.get(key);
    this.pending.set(
      key,
      earlier
        ? {
            ...change,
            kinds: [...new Set([...earlier.kinds, ...change.kinds])],
          }
        : change,
    );
    if (!this.notifyTimer) {
      this.notifyTimer = setTimeout(() => {
        this.notifyTimer = undefined;
        const changes = [...this.pending.values()];
        this.pending.clear();
        for (const c of changes) {
          this.listeners.forEach(listener => listener(c));
        }
      }, NOTIFY_DELAY_MS);
      this.notifyTimer.unref();
    }
  }
}
