import { createHash } from 'node:crypto';
import { InputError } from '@backstage/errors';
import {
  EntityOverview,
  NamespaceEvent,
  PickerKind,
  PickerOption,
  SourceError,
  VCenterVm,
  VmServiceVm,
  WorkloadCluster,
} from '@backstage-vsphere/plugin-vsphere-common';
import {
  joinClusterMachines,
  joinVmServiceVms,
  VsphereClients,
} from '@backstage-vsphere/plugin-vsphere-node';
import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { CoalescingCache } from './CoalescingCache';
import { SourceFailureLog } from './SourceFailureLog';
import { readSource, SourceResult } from './deadline';
import {
  kubectlLoginCommand,
  namespaceClientUrl,
} from '@backstage-vsphere/plugin-vsphere-node';
import { toNamespaceOverview } from './namespaceOverview';
import {
  OptionsQuery,
  OverviewTarget,
  VsphereInventory,
} from './VsphereInventory';

const RECENT_EVENTS = 20;

/** Built once per inventory read, so a view costs a lookup per VM, not a pass over all of them. */
function indexByMoref(vms: VCenterVm[]): Map<string, VCenterVm> {
  return new Map(vms.map(vm => [vm.moref, vm]));
}
/** The vCenter ids of a VM list and a short, order-independent key for them. */
interface VcenterIds {
  morefs: string[];
  key: string;
}

// a warm view gets the same cached VM list again: its ids are worked out once per read, not per view
const idsOfList = new WeakMap<VmServiceVm[], VcenterIds>();

function vcenterIdsOf(vms: VmServiceVm[]): VcenterIds {
  let ids = idsOfList.get(vms);
  if (!ids) {
    const morefs = vms.flatMap(vm => (vm.uniqueID ? [vm.uniqueID] : []));
    const key = createHash('sha1')
      .update([...morefs].sort().join(','))
      .digest('base64url')
      .slice(0, 16);
    ids = { morefs, key };
    idsOfList.set(vms, ids);
  }
  return ids;
}

/**
 * Reads vCenter and the Supervisor through a short-lived cache that coalesces concurrent
 * reads, each source under its own deadline, and joins the two views.
 */
export class CachedVsphereInventory implements VsphereInventory {
  private readonly cache: CoalescingCache;
  private readonly failures: SourceFailureLog;

  constructor(
    private readonly clients: VsphereClients,
    cache: CacheService,
    private readonly options: {
      ttlMs: number;
      sourceDeadlineMs: number;
      logger: LoggerService;
    },
  ) {
    this.cache = new CoalescingCache(cache, { ttlMs: options.ttlMs });
    this.failures = new SourceFailureLog(options.logger);
  }

  /** A namespace as vCenter holds it, one cached read shared by the overview and the pickers. */
  private vcenterNamespace(vcenter: string, namespace: string) {
    return this.cache.get(`vcenter:${vcenter}:namespace:${namespace}`, () =>
      this.clients.vcenter(vcenter).getNamespace(namespace),
    );
  }

  /** The vCenter's storage policies, one cached read shared by the overview and the pickers. */
  private vcenterStoragePolicies(vcenter: string) {
    return this.cache.get(`vcenter:${vcenter}:storage-policies`, () =>
      this.clients.vcenter(vcenter).listStoragePolicies(),
    );
  }

  /**
   * The page waits for a source at most the deadline; the read itself is not cut short, so a
   * slow source (a large vCenter's inventory) still fills the cache for the next view.
   */
  private read<T>(
    source: string,
    key: string,
    fetch: () => Promise<T>,
    scope?: string,
  ): Promise<SourceResult<T>> {
    return readSource(source, this.options.sourceDeadlineMs, () =>
      this.cache.get(key, fetch, { scope }),
    );
  }

  /** The invalidation scope of what is read of one Supervisor namespace. */
  private namespaceScope(vcenter: string, supervisor: string, ns: string) {
    return `supervisor:${vcenter}/${supervisor}:${ns}`;
  }

  async getEntityOverview(
    target: OverviewTarget,
  ): Promise<Omit<EntityOverview, 'allowed'>> {
    const vcConfig = this.clients.config(target.vcenter);
    const vc = this.clients.vcenter(vcConfig.name);
    const sv = this.clients.supervisor(vcConfig.name, target.supervisor);
    const vcSource = `vcenter:${vcConfig.name}`;
    const svSource = `supervisor:${vcConfig.name}/${sv.name}`;
    const svUrl = vcConfig.supervisors.find(s => s.name === sv.name)?.url;
    const ns = target.namespace;
    const nsKey = this.namespaceScope(vcConfig.name, sv.name, ns);

    const vmsKey = `${nsKey}:vms:${target.vmSelector ?? ''}`;
    const serviceVmsRead = this.read(
      svSource,
      vmsKey,
      () => sv.listVirtualMachines(ns, { labelSelector: target.vmSelector }),
      nsKey,
    );
    // vCenter is asked for this namespace's VMs by id, not for its whole inventory
    const vcenterVmsRead = serviceVmsRead.then(
      (read): Promise<SourceResult<Map<string, VCenterVm>>> => {
        if (!read.ok) {
          return Promise.resolve({ ok: true, value: new Map() });
        }
        const { morefs, key: idsKey } = vcenterIdsOf(read.value);
        // keyed by the set of ids, so a new VM is read at once instead of after the TTL
        const key = `${vmsKey}:vcenter:${idsKey}`;
        // the cache holds JSON, so the list is kept and indexed per view
        return this.read(vcSource, key, () => vc.getVms(morefs), nsKey).then(
          vms => (vms.ok ? { ok: true, value: indexByMoref(vms.value) } : vms),
        );
      },
    );
    const [
      namespace,
      policies,
      libraries,
      vcenterVms,
      vms,
      clusters,
      quotas,
      events,
    ] = await Promise.all([
      readSource(vcSource, this.options.sourceDeadlineMs, () =>
        this.vcenterNamespace(vcConfig.name, ns),
      ),
      readSource(vcSource, this.options.sourceDeadlineMs, () =>
        this.vcenterStoragePolicies(vcConfig.name),
      ),
      this.read(vcSource, `${vcSource}:content-libraries`, () =>
        vc.listContentLibraries(),
      ),
      vcenterVmsRead,
      serviceVmsRead,
      this.read(
        svSource,
        `${nsKey}:clusters`,
        () => sv.listWorkloadClusters(ns),
        nsKey,
      ),
      this.read(
        svSource,
        `${nsKey}:quotas`,
        () => sv.listResourceQuotas(ns),
        nsKey,
      ),
      this.read(
        svSource,
        `${nsKey}:events`,
        () => sv.listEvents(ns, { limit: RECENT_EVENTS }),
        nsKey,
      ),
    ]);

    const errors: SourceError[] = [];
    const valueOr = <T>(result: SourceResult<T>, fallback: T): T => {
      if (result.ok) {
        return result.value;
      }
      // one error entry per source, however many of its reads failed
      if (!errors.some(e => e.source === result.error.source)) {
        errors.push(result.error);
        this.failures.report(result.error);
      }
      return fallback;
    };
    const vmsByMoref = valueOr(vcenterVms, new Map<string, VCenterVm>());
    const serviceVms = valueOr(vms, []);
    // join against this namespace's VMs only, not the whole vCenter inventory
    const vcVms = serviceVms.flatMap(vm => {
      const found = vm.uniqueID ? vmsByMoref.get(vm.uniqueID) : undefined;
      return found ? [found] : [];
    });
    // node VMs of workload clusters show under their node pools, not as the team's VMs
    const teamVms = serviceVms.filter(vm => !vm.clusterNode);
    const shownVms = target.vm
      ? teamVms.filter(vm => vm.name === target.vm)
      : teamVms;
    const nsInfo = valueOr(namespace, undefined);
    const allClusters = valueOr<WorkloadCluster[]>(clusters, []);
    // a VM's page shows that VM only; a cluster's page that cluster
    const shownClusters = target.vm
      ? []
      : allClusters.filter(c => !target.cluster || c.name === target.cluster);

    return {
      entityRef: target.entityRef,
      vcenter: vcConfig.name,
      supervisor: sv.name,
      namespace: nsInfo
        ? toNamespaceOverview({
            namespace: nsInfo,
            storagePolicies: valueOr(policies, []),
            contentLibraries: valueOr(libraries, []),
            resourceQuotas: valueOr(quotas, []),
          })
        : undefined,
      vms: joinVmServiceVms(shownVms, vcVms),
      clusters: joinClusterMachines(shownClusters, vcVms, serviceVms),
      events: valueOr(events, []).map(
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
        vsphereClient: namespaceClientUrl(vcConfig, ns),
        kubectlLogin: svUrl && kubectlLoginCommand(svUrl, ns),
      },
      errors,
      // read through a cache, not a feed: no source state to report
      sources: [],
      fetchedAt: new Date().toISOString(),
    };
  }

  async listOptions(
    kind: PickerKind,
    query: OptionsQuery,
  ): Promise<PickerOption[]> {
    if (kind === 'vcenters') {
      return this.clients.configs.map(c => ({ value: c.name, label: c.name }));
    }
    const vcConfig = this.clients.config(query.vcenter);
    const vc = this.clients.vcenter(vcConfig.name);
    const key = `options:${vcConfig.name}:${query.supervisor ?? ''}:${
      query.namespace ?? ''
    }:${query.cluster ?? ''}:${kind}`;
    return this.cache.get(key, async () => {
      switch (kind) {
        case 'supervisors':
          return vcConfig.supervisors.map(s => ({
            value: s.name,
            label: s.name,
            description: `cluster ${s.cluster}`,
          }));
        case 'namespaces':
          return (await vc.listNamespaces()).map(n => ({
            value: n.name,
            label: n.name,
            description: n.configStatus,
          }));
        case 'storage-policies':
          return this.storagePolicyOptions(vcConfig.name, query);
        case 'vm-classes':
          return (await vc.listVmClasses()).map(c => ({
            value: c.id,
            label: c.id,
            description: [
              c.cpuCount && `${c.cpuCount} vCPU`,
              c.memoryMiB && `${c.memoryMiB / 1024} GiB`,
            ]
              .filter(Boolean)
              .join(', '),
          }));
        case 'content-libraries':
          return (await vc.listContentLibraries()).map(l => ({
            value: l.name,
            label: l.name,
            description: l.type,
          }));
        case 'images':
          return this.imageOptions(vcConfig.name, query);
        case 'clusters':
          return this.clusterOptions(vcConfig.name, query);
        case 'node-pools':
          return this.nodePoolOptions(vcConfig.name, query);
        default:
          throw new InputError(`kind: '${kind}' is not a picker kind`);
      }
    });
  }

  /**
   * Every storage policy of the vCenter, or with a namespace, those assigned to it: the only
   * ones its VMs and clusters may use.
   */
  private async storagePolicyOptions(vcenter: string, query: OptionsQuery) {
    const [policies, namespace] = await Promise.all([
      this.vcenterStoragePolicies(vcenter),
      query.namespace
        ? this.vcenterNamespace(vcenter, query.namespace)
        : undefined,
    ]);
    const assigned = namespace
      ? new Set((namespace.storageSpecs ?? []).map(s => s.policy))
      : undefined;
    return policies
      .filter(p => !assigned || assigned.has(p.id))
      .map(p => ({ value: p.name, label: p.name, description: p.description }));
  }

  private async imageOptions(vcenter: string, query: OptionsQuery) {
    if (!query.namespace) {
      throw new InputError('namespace: images are listed per namespace');
    }
    const sv = this.clients.supervisor(vcenter, query.supervisor);
    return (await sv.listVirtualMachineImages(query.namespace)).map(i => ({
      value: i.name,
      label: i.displayName ?? i.name,
      description: i.osType,
    }));
  }

  private async clusterOptions(vcenter: string, query: OptionsQuery) {
    if (!query.namespace) {
      throw new InputError('namespace: clusters are listed per namespace');
    }
    const sv = this.clients.supervisor(vcenter, query.supervisor);
    return (await sv.listWorkloadClusters(query.namespace)).map(c => ({
      value: c.name,
      label: c.name,
      description: [c.kind, c.version].filter(Boolean).join(' '),
    }));
  }

  private async nodePoolOptions(vcenter: string, query: OptionsQuery) {
    if (!query.namespace || !query.cluster) {
      throw new InputError(
        `${
          query.namespace ? 'cluster' : 'namespace'
        }: node pools are listed per cluster`,
      );
    }
    const sv = this.clients.supervisor(vcenter, query.supervisor);
    const cluster = await sv.getWorkloadCluster(query.namespace, query.cluster);
    return cluster.nodePools.map(p => ({
      value: p.name,
      label: p.name,
      description: [
        `${p.readyReplicas} of ${p.replicas ?? '?'} nodes ready`,
        p.vmClass,
      ]
        .filter(Boolean)
        .join(', '),
    }));
  }

  async invalidateNamespace(
    target: Omit<OverviewTarget, 'entityRef'>,
  ): Promise<void> {
    const sv = this.clients.supervisor(target.vcenter, target.supervisor);
    await this.cache.invalidate(
      this.namespaceScope(
        this.clients.config(target.vcenter).name,
        sv.name,
        target.namespace,
      ),
    );
  }
}
