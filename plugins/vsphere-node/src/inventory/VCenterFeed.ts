import { LoggerService } from '@backstage/backend-plugin-api';
import { VCenterVm } from '@backstage-vsphere/plugin-vsphere-common';
import { VCenterClient } from '../vcenter/VCenterClient';
import { NAME_SPECS, VM_SPEC, toVm } from '../vcenter/inventory';
import { ObjectProperties } from '../vcenter/propertyCollector';
import { textOf } from '../vcenter/soapXml';
import {
  ContentLibrary,
  StoragePolicy,
  SupervisorNamespace,
} from '../vcenter/types';
import { VCenterObjectChange, VCenterWatch } from '../vcenter/VCenterWatch';
import { PeriodicRead } from './PeriodicRead';

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

/**
 * One vCenter as the snapshot sees it: VMs, hosts and datastores through a PropertyCollector
 * feed (WaitForUpdatesEx), and what vCenter serves only over REST (namespaces, storage policies,
 * content libraries) through periodic reads while someone looks, refreshed after our own changes.
 */
export class VCenterFeed {
  readonly watch: VCenterWatch;
  private readonly policies: PeriodicRead<StoragePolicy[]>;
  private readonly libraries: PeriodicRead<ContentLibrary[]>;
  private readonly namespaces = new Map<
    string,
    PeriodicRead<SupervisorNamespace>
  >();
  private started?: Promise<void>;

  constructor(
    private readonly client: VCenterClient,
    private readonly options: {
      maxWaitSeconds: number;
      restIntervalMs: number;
      logger: LoggerService;
      onChange: (change: VCenterFeedChange) => void;
    },
  ) {
    this.watch = client.watchInventory({
      specs: [VM_SPEC, ...NAME_SPECS],
      maxWaitSeconds: options.maxWaitSeconds,
      onChange: changes => this.vmsChanged(changes),
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
  }

  /** Starts the VM feed once; later calls share the first start. */
  start(): Promise<void> {
    if (!this.started) {
      this.started = this.watch.start().catch(error => {
        // the watch keeps retrying on its own; its health says why it has no data yet
        this.options.logger.warn(
          `Inventory of vCenter '${this.client.name}' is not synced yet: ${
            (error as Error).message
          }`,
        );
      });
    }
    return this.started;
  }

  async stop(): Promise<void> {
    this.policies.stop();
    this.libraries.stop();
    this.namespaces.forEach(n => n.stop());
    await this.watch.stop();
  }

  /** vCenter VMs by moref, with host and datastore names, for the given morefs only. */
  vms(morefs: string[]): VCenterVm[] {
    const vms = this.watch.objects('VirtualMachine');
    const hosts = this.watch.objects('HostSystem');
    const datastores = this.watch.objects('Datastore');
    const names = new NameLookup([hosts, datastores]);
    return morefs.flatMap(moref => {
      const found = vms.get(moref);
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
