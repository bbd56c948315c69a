import { LoggerService } from '@backstage/backend-plugin-api';
import {
  SourceStatus,
  VCenterVm,
} from '@backstage-vsphere/plugin-vsphere-common';
import { VCenterClient } from '../vcenter/VCenterClient';
import { NAME_SPECS, VM_SPEC, toVm } from '../vcenter/inventory';
import { ObjectProperties } from '../vcenter/propertyCollector';
import { textOf } from '../vcenter/soapXml';
import {
  ContentLibrary,
  StoragePolicy,
  VmClass,
  SupervisorNamespace,
} from '../vcenter/types';
import { VCenterObjectChange, VCenterWatch } from '../vcenter/VCenterWatch';
import { PeriodicRead } from './PeriodicRead';
import { SourceHealth } from './SourceHealth';

/** Host and datastore names looked up in the feed's objects, without copying them into a map. */
class NameLookup {
  constructor(
    private readonly sources: ReadonlyMap<string, ObjectProperties>[],
  ) {}

  get(moref: string): string | undefined {
    for (const objects of this.sources) {
      const found = objects.get(moref);
      if (found) {
        return textOf(found.props.name) || undefined;
      }
    }
    return undefined;
  }
}

/** What a vCenter feed tells the snapshot: VMs that changed, or REST data of a namespace (or all). */
export type VCenterFeedChange =
  | { type: 'vms'; morefs: string[] }
  | { type: 'namespace'; namespace?: string };

/** The VM folder in which the Supervisor places the VMs of its namespaces, in every datacenter. */
const NAMESPACES_FOLDER = 'Namespaces';
const DISCOVERY_RETRY_MS = [5_000, 15_000, 60_000];
const STATE_ORDER: SourceStatus['state'][] = [
  'failed',
  'stale',
  'syncing',
  'live',
];

/** The worst of several statuses of one source, and the oldest sync among them. */
function worstOf(source: string, statuses: SourceStatus[]): SourceStatus {
  const worst = [...statuses].sort(
    (a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state),
  )[0];
  const synced = statuses.map(s => s.lastSyncedAt);
  const oldest = synced.every(Boolean) ? synced.sort()[0] : undefined;
  const status: SourceStatus = { ...worst, source };
  if (oldest) status.lastSyncedAt = oldest;
  else delete status.lastSyncedAt;
  return status;
}

/**
 * One vCenter as the snapshot sees it: the Supervisor's VMs through PropertyCollector feeds
 * (WaitForUpdatesEx) over its `Namespaces` folders, host and datastore names through one more,
 * and what vCenter serves only over REST (namespaces, storage policies, content libraries, VM classes)
 * through periodic reads while someone looks, refreshed after our own changes.
 *
 * The VM feeds cover the Supervisor's folders, not the whole vCenter: the pages and the catalog
 * show only Supervisor VMs, memory stays bounded by them, and a vCenter re-collecting a filter
 * costs in proportion to what it holds.
 */
export class VCenterFeed {
  private vmWatches: VCenterWatch[] = [];
  private readonly nameWatch: VCenterWatch;
  private readonly discovery: SourceHealth;
  private readonly policies: PeriodicRead<StoragePolicy[]>;
  private readonly libraries: PeriodicRead<ContentLibrary[]>;
  private readonly classes: PeriodicRead<VmClass[]>;
  private readonly namespaces = new Map<
    string,
    PeriodicRead<SupervisorNamespace>
  >();
  private started?: Promise<void>;
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;

  constructor(
    private readonly client: VCenterClient,
    private readonly options: {
      maxWaitSeconds: number;
      restIntervalMs: number;
      logger: LoggerService;
      onChange: (change: VCenterFeedChange) => void;
    },
  ) {
    this.discovery = new SourceHealth(
      `vcenter:${client.name}`,
      options.maxWaitSeconds * 1000,
    );
    this.nameWatch = client.watchInventory({
      specs: NAME_SPECS,
      maxWaitSeconds: options.maxWaitSeconds,
    });
    const periodic = {
      intervalMs: options.restIntervalMs,
      idleMs: 10 * 60_000,
    };
    const all = () => options.onChange({ type: 'namespace' });
    this.policies = new PeriodicRead(() => client.listStoragePolicies(), {
      ...periodic,
      onChange: all,
    });
    this.libraries = new PeriodicRead(() => client.listContentLibraries(), {
      ...periodic,
      onChange: all,
    });
    this.classes = new PeriodicRead(() => client.listVmClasses(), {
      ...periodic,
      onChange: all,
    });
  }

  /** The feeds' state as one source: the worst of them. */
  health(): SourceStatus {
    const source = `vcenter:${this.client.name}`;
    if (this.vmWatches.length === 0) {
      return this.discovery.status();
    }
    return worstOf(source, [
      ...this.vmWatches.map(w => w.health.status()),
      this.nameWatch.health.status(),
    ]);
  }

  /** Finds the Supervisor's folders and starts the feeds once; later calls share the first start. */
  start(): Promise<void> {
    if (!this.started) {
      this.started = this.startFeeds(0);
    }
    return this.started;
  }

  private async startFeeds(attempt: number): Promise<void> {
    let folders;
    try {
      folders = await this.client.findVmFolders(NAMESPACES_FOLDER);
    } catch (error) {
      this.discovery.failed((error as Error).message, (error as Error).name);
      const waitMs =
        DISCOVERY_RETRY_MS[Math.min(attempt, DISCOVERY_RETRY_MS.length - 1)];
      this.options.logger.warn(
        `Inventory of vCenter '${
          this.client.name
        }' could not start, retrying in ${waitMs / 1000} s: ${
          (error as Error).message
        }`,
      );
      if (!this.stopped) {
        this.retryTimer = setTimeout(() => {
          this.started = this.startFeeds(attempt + 1);
        }, waitMs);
        this.retryTimer.unref();
      }
      return;
    }
    if (folders.length === 0) {
      this.options.logger.info(
        `vCenter '${this.client.name}' has no '${NAMESPACES_FOLDER}' folder yet; following every VM`,
      );
    }
    const containers = folders.length > 0 ? folders : [undefined];
    this.vmWatches = containers.map(container =>
      this.client.watchInventory({
        specs: [VM_SPEC],
        container,
        maxWaitSeconds: this.options.maxWaitSeconds,
        onChange: changes => this.vmsChanged(changes),
      }),
    );
    await Promise.all(
      [...this.vmWatches, this.nameWatch].map(w =>
        w.start().catch(error => {
          // each watch keeps retrying on its own; its health says why it has no data yet
          this.options.logger.warn(
            `Inventory of vCenter '${this.client.name}' is not synced yet: ${
              (error as Error).message
            }`,
          );
        }),
      ),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.policies.stop();
    this.libraries.stop();
    this.classes.stop();
    this.namespaces.forEach(n => n.stop());
    await Promise.all([...this.vmWatches, this.nameWatch].map(w => w.stop()));
  }

  /** vCenter VMs by moref, with host and datastore names, for the given morefs only. */
  vms(morefs: string[]): VCenterVm[] {
    const vms = this.vmWatches.map(w => w.objects('VirtualMachine'));
    const names = new NameLookup([
      this.nameWatch.objects('HostSystem'),
      this.nameWatch.objects('Datastore'),
    ]);
    return morefs.flatMap(moref => {
      const found = vms.map(objects => objects.get(moref)).find(Boolean);
      return found ? [toVm(found, names)] : [];
    });
  }

  namespace(name: string, deadlineMs: number): Promise<SupervisorNamespace> {
    let read = this.namespaces.get(name);
    if (!read) {
      read = new PeriodicRead(() => this.client.getNamespace(name), {
        intervalMs: this.options.restIntervalMs,
        idleMs: 10 * 60_000,
        onChange: () =>
          this.options.onChange({ type: 'namespace', namespace: name }),
      });
      this.namespaces.set(name, read);
    }
    return read.get(deadlineMs);
  }

  storagePolicies(deadlineMs: number): Promise<StoragePolicy[]> {
    return this.policies.get(deadlineMs);
  }

  contentLibraries(deadlineMs: number): Promise<ContentLibrary[]> {
    return this.libraries.get(deadlineMs);
  }

  /** Every VM class with its size and reservations; a namespace's page shows those it may use. */
  vmClasses(deadlineMs: number): Promise<VmClass[]> {
    return this.classes.get(deadlineMs);
  }

  /** Reads a namespace's REST data again now, after a change made through the portal. */
  async refreshNamespace(name: string): Promise<void> {
    await Promise.all([
      this.namespaces.get(name)?.refresh(),
      this.policies.refresh(),
    ]);
  }

  private vmsChanged(changes: VCenterObjectChange[]) {
    const morefs = changes
      .filter(c => c.ref.type === 'VirtualMachine')
      .map(c => c.ref.value);
    if (morefs.length > 0) {
      this.options.onChange({ type: 'vms', morefs });
    }
  }
}
