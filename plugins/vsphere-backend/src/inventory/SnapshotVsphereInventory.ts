import {
  EntityOverview,
  NamespaceEvent,
  PickerKind,
  PickerOption,
} from '@backstage-vsphere/plugin-vsphere-common';
import {
  InventorySnapshot,
  VsphereClients,
  joinClusterMachines,
  joinVmServiceVms,
  kubectlLoginCommand,
  labelSelectorMatcher,
  namespaceClientUrl,
} from '@backstage-vsphere/plugin-vsphere-node';
import { CachedPickerOptions } from './CachedPickerOptions';
import { SourceFailureLog } from './SourceFailureLog';
import { toNamespaceOverview } from './namespaceOverview';
import { ViewCache } from './ViewCache';
import {
  OptionsQuery,
  OverviewTarget,
  VsphereInventory,
} from './VsphereInventory';

const RECENT_EVENTS = 20;

type Overview = Omit<EntityOverview, 'allowed'>;

/** A view may be reused only while every source is live and every read succeeded. */
const isWholeAndLive = (view: Overview) =>
  view.errors.length === 0 &&
  (view.sources ?? []).every(source => source.state === 'live');

/**
 * Entity pages read the watch-fed snapshot (no upstream request per view); pickers read
 * through a short shared cache, as most of their lists have no watch.
 */
export class SnapshotVsphereInventory implements VsphereInventory {
  // 5 s: the age a source's "synced at" may show; changes evict at once
  private readonly views = new ViewCache<Overview>({
    maxEntries: 1_000,
    maxAgeMs: 5_000,
  });

  constructor(
    private readonly clients: VsphereClients,
    private readonly snapshot: InventorySnapshot,
    private readonly pickers: CachedPickerOptions,
    private readonly failures: SourceFailureLog,
  ) {
    snapshot.subscribe(this.views.onChange);
  }

  /** Built once per change of its namespace, however many pages view it. */
  async getEntityOverview(target: OverviewTarget): Promise<Overview> {
    const vcenter = this.clients.config(target.vcenter).name;
    const supervisor = this.clients.supervisor(vcenter, target.supervisor).name;
    const { entityRef, vmSelector, cluster, vm } = target;
    return this.views.get(
      { vcenter, supervisor, namespace: target.namespace },
      JSON.stringify([entityRef, vmSelector, cluster, vm]),
      () => this.buildOverview({ ...target, vcenter, supervisor }),
      isWholeAndLive,
    );
  }

  private async buildOverview(target: OverviewTarget): Promise<Overview> {
    const vcConfig = this.clients.config(target.vcenter);
    const ns = await this.snapshot.namespace(
      vcConfig.name,
      target.supervisor,
      target.namespace,
    );
    ns.errors.forEach(error => this.failures.report(error));
    const matches = target.vmSelector
      ? labelSelectorMatcher(target.vmSelector)
      : undefined;
    const selected = matches ? ns.vms.filter(vm => matches(vm.labels)) : ns.vms;
    // node VMs of workload clusters show under their node pools, not as the team's VMs
    const teamVms = selected.filter(vm => !vm.clusterNode);
    const shownVms = target.vm
      ? teamVms.filter(vm => vm.name === target.vm)
      : teamVms;
    // a VM's page shows that VM only; a cluster's page that cluster
    const shownClusters = target.vm
      ? []
      : ns.clusters.filter(c => !target.cluster || c.name === target.cluster);
    const svUrl = vcConfig.supervisors.find(s => s.name === ns.supervisor)?.url;

    return {
      entityRef: target.entityRef,
      vcenter: ns.vcenter,
      supervisor: ns.supervisor,
      namespace: ns.info
        ? toNamespaceOverview({
            namespace: ns.info,
            storagePolicies: ns.storagePolicies,
            contentLibraries: ns.contentLibraries,
            resourceQuotas: ns.resourceQuotas,
            limitRanges: ns.limitRanges,
            vmClasses: ns.vmClasses,
          })
        : undefined,
      vms: joinVmServiceVms(shownVms, ns.vcenterVms),
      clusters: joinClusterMachines(shownClusters, ns.vcenterVms, ns.vms),
      events: ns.events.slice(0, RECENT_EVENTS).map(
        (e): NamespaceEvent => ({
          type: e.type ?? 'Normal',
          reason: e.reason,
          message: e.message,
          object: [e.involvedObject.kind, e.involvedObject.name]
            .filter(Boolean)
            .join('/'),
          count: e.count,
          lastSeen: e.lastSeen,
        }),
      ),
      links: {
        vsphereClient: namespaceClientUrl(vcConfig, ns.namespace),
        kubectlLogin: svUrl && kubectlLoginCommand(svUrl, ns.namespace),
      },
      errors: ns.errors,
      sources: ns.sources,
      fetchedAt: new Date().toISOString(),
    };
  }

  listOptions(kind: PickerKind, query: OptionsQuery): Promise<PickerOption[]> {
    return this.pickers.listOptions(kind, query);
  }

  async invalidateNamespace(
    target: Omit<OverviewTarget, 'entityRef'>,
  ): Promise<void> {
    // Supervisor objects arrive through the watches; vCenter's REST data has none
    await Promise.all([
      this.snapshot.refreshNamespace(target.vcenter, target.namespace),
      this.pickers.invalidate(),
    ]);
  }
}
