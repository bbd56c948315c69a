import { LoggerService } from '@backstage/backend-plugin-api';
import {
  KubeObject,
  SupervisorNamespace,
  VCenterCluster,
  VCenterConfig,
} from '@backstage-vsphere/plugin-vsphere-node';
import { VsphereCatalogConfig } from '../config';
import { mapWithConcurrency } from './concurrency';
import { SupervisorSource, VcenterSources, isNotFound } from './sources';
import { toClusterRecords, toVmRecords } from './supervisorObjects';
import { filterVcenterVms } from './vcenterVms';
import {
  ClusterRecord,
  NamespaceRecord,
  SupervisorRecord,
  VcenterInventory,
  VmRecord,
} from './types';

/** Namespace details are one REST call each; a few at a time keeps vCenter responsive. */
const DETAIL_CONCURRENCY = 8;
const CLUSTER_MOREF = /^domain-c\d+$/;

/**
 * A read that succeeded but returned nothing where something must exist; applying it would
 * wipe the catalog, so the provider treats it as a failure.
 * @public
 */
export class EmptyReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmptyReadError';
  }
}

interface SupervisorObjects {
  namespaces: KubeObject[];
  vms: KubeObject[];
  clusters: KubeObject[];
  tanzuClusters: KubeObject[];
}

function kubeMetadata(object?: KubeObject) {
  return {
    labels: { ...(object?.metadata.labels ?? {}) },
    annotations: { ...(object?.metadata.annotations ?? {}) },
  };
}

/**
 * Reads one vCenter and its configured Supervisors into a {@link VcenterInventory}: in full,
 * failing as a whole when any part fails, or one namespace for an immediate update.
 * @public
 */
export class InventoryReader {
  private resolvedSupervisors?: Promise<SupervisorRecord[]>;

  constructor(
    private readonly vcenter: VCenterConfig,
    private readonly config: VsphereCatalogConfig,
    private readonly sources: VcenterSources,
    private readonly logger: LoggerService,
  ) {}

  /** Everything, or an error: a partial inventory would make the catalog drop what it missed. */
  async readAll(signal?: AbortSignal): Promise<VcenterInventory> {
    const vc = this.sources.vcenter();
    const clusters = this.lazyClusters(signal);
    const vcenterVms = this.config.includeVcenterVms
      ? vc.listVms({ signal })
      : Promise.resolve([]);
    // settle it early so a failure elsewhere never leaves it rejected and unobserved
    vcenterVms.catch(() => undefined);
    const [supervisors, namespaces] = await Promise.all([
      this.supervisors(clusters),
      this.readNamespaces(signal),
    ]);
    const perSupervisor = await Promise.all(
      supervisors.map(s => this.readSupervisor(s, namespaces, signal)),
    );
    const vms = perSupervisor.flatMap(s => s.vms);
    const inventory: VcenterInventory = {
      vcenter: this.vcenter.name,
      supervisors,
      namespaces,
      vms,
      clusters: perSupervisor.flatMap(s => s.clusters),
      vcenterVms: [],
    };
    if (this.config.includeVcenterVms) {
      const all = await vcenterVms;
      if (all.length === 0) {
        throw new EmptyReadError(
          `vCenter '${this.vcenter.name}' listed no virtual machines`,
        );
      }
      const { clusters: byCluster } = this.config.vcenterVmFilters;
      inventory.vcenterVms = filterVcenterVms(
        all,
        new Set(perSupervisor.flatMap(s => s.serviceMorefs)),
        this.config.vcenterVmFilters,
        byCluster.length > 0 ? await clusters() : [],
      );
    }
    return inventory;
  }

  /** One namespace and its objects; undefined when vCenter no longer has it. */
  async readNamespace(
    name: string,
    signal?: AbortSignal,
  ): Promise<VcenterInventory | undefined> {
    let detail: SupervisorNamespace;
    try {
      detail = await this.sources.vcenter().getNamespace(name, { signal });
    } catch (error) {
      if (isNotFound(error)) {
        return undefined;
      }
      throw error;
    }
    const supervisors = await this.supervisors(this.lazyClusters(signal));
    const namespace = this.toNamespaceRecord(detail, supervisors);
    const inventory: VcenterInventory = {
      vcenter: this.vcenter.name,
      supervisors,
      namespaces: [namespace],
      vms: [],
      clusters: [],
      vcenterVms: [],
    };
    if (!namespace.supervisor) {
      return inventory;
    }
    try {
      const objects = await this.readSupervisorObjects(
        this.sources.supervisor(namespace.supervisor),
        signal,
        name,
      );
      Object.assign(namespace, kubeMetadata(objects.namespaces[0]));
      const scope = new Set([name]);
      inventory.vms = toVmRecords(namespace.supervisor, objects.vms, scope);
      inventory.clusters = toClusterRecords(
        namespace.supervisor,
        objects,
        scope,
      );
    } catch (error) {
      // the namespace itself is known to exist; its VMs and clusters follow with the next full run
      this.logger.warn(
        `Could not read namespace '${name}' on Supervisor '${namespace.supervisor}': ${error}`,
      );
    }
    return inventory;
  }

  /** listClusters once per read, and only when a name must be resolved. */
  private lazyClusters(signal?: AbortSignal): () => Promise<VCenterCluster[]> {
    let promise: Promise<VCenterCluster[]> | undefined;
    return () => {
      promise ??= this.sources.vcenter().listClusters({ signal });
      return promise;
    };
  }

  /** Configured Supervisors with their cluster's managed object id; names are resolved once. */
  private supervisors(
    clusters: () => Promise<VCenterCluster[]>,
  ): Promise<SupervisorRecord[]> {
    this.resolvedSupervisors ??= this.resolveSupervisors(clusters);
    // a failed resolution is retried on the next read
    this.resolvedSupervisors.catch(() => {
      this.resolvedSupervisors = undefined;
    });
    return this.resolvedSupervisors;
  }

  private async resolveSupervisors(
    clusters: () => Promise<VCenterCluster[]>,
  ): Promise<SupervisorRecord[]> {
    const records: SupervisorRecord[] = [];
    for (const supervisor of this.vcenter.supervisors) {
      let cluster = supervisor.cluster;
      if (!CLUSTER_MOREF.test(cluster)) {
        const found = (await clusters()).find(c => c.name === cluster);
        if (!found) {
          throw new Error(
            `Supervisor '${supervisor.name}' names cluster '${cluster}', which vCenter '${this.vcenter.name}' does not have`,
          );
        }
        cluster = found.moref;
      }
      records.push({ name: supervisor.name, cluster });
    }
    return records;
  }

  private async readNamespaces(
    signal?: AbortSignal,
  ): Promise<NamespaceRecord[]> {
    const vc = this.sources.vcenter();
    const list = await vc.listNamespaces({ signal });
    if (list.length === 0) {
      throw new EmptyReadError(
        `vCenter '${this.vcenter.name}' listed no Supervisor namespaces`,
      );
    }
    // the list has no access lists, which name the owners
    const details = await mapWithConcurrency(
      list,
      DETAIL_CONCURRENCY,
      async ns => {
        try {
          return await vc.getNamespace(ns.name, { signal });
        } catch (error) {
          if (isNotFound(error)) {
            return undefined; // deleted since the list
          }
          throw error;
        }
      },
    );
    return details.flatMap(d => (d ? [this.toNamespaceRecord(d, [])] : []));
  }

  private toNamespaceRecord(
    detail: SupervisorNamespace,
    supervisors: SupervisorRecord[],
  ): NamespaceRecord {
    const record: NamespaceRecord = {
      name: detail.name,
      cluster: detail.cluster,
      accessList: detail.accessList ?? [],
      labels: {},
      annotations: {},
    };
    const supervisor = supervisors.find(s => s.cluster === detail.cluster);
    if (supervisor) record.supervisor = supervisor.name;
    if (detail.description) record.description = detail.description;
    return record;
  }

  private async readSupervisorObjects(
    source: SupervisorSource,
    signal: AbortSignal | undefined,
    namespace?: string,
  ): Promise<SupervisorObjects> {
    const versions = await source.apiVersions();
    const read = { signal, namespace };
    const [namespaces, vms, clusters, tanzuClusters] = await Promise.all([
      namespace
        ? source
            .get('Namespace', namespace, { signal })
            .then(ns => [ns])
            .catch(error => {
              if (isNotFound(error)) return [];
              throw error;
            })
        : source.list('Namespace', { signal }),
      versions.vmOperator ? source.list('VirtualMachine', read) : [],
      versions.clusterApi ? source.list('Cluster', read) : [],
      versions.tanzu ? source.list('TanzuKubernetesCluster', read) : [],
    ]);
    return { namespaces, vms, clusters, tanzuClusters };
  }

  /** One list per kind across all namespaces: a fixed number of requests whatever the size. */
  private async readSupervisor(
    supervisor: SupervisorRecord,
    namespaces: NamespaceRecord[],
    signal?: AbortSignal,
  ): Promise<{
    vms: VmRecord[];
    clusters: ClusterRecord[];
    serviceMorefs: string[];
  }> {
    const own = namespaces.filter(ns => ns.cluster === supervisor.cluster);
    for (const ns of own) {
      ns.supervisor = supervisor.name;
    }
    if (own.length === 0 && !this.config.includeVcenterVms) {
      return { vms: [], clusters: [], serviceMorefs: [] };
    }
    const objects = await this.readSupervisorObjects(
      this.sources.supervisor(supervisor.name),
      signal,
    );
    const kubeNamespaces = new Map(
      objects.namespaces.map(ns => [ns.metadata.name, ns]),
    );
    for (const ns of own) {
      Object.assign(ns, kubeMetadata(kubeNamespaces.get(ns.name)));
    }
    const scope = new Set(own.map(ns => ns.name));
    return {
      vms: toVmRecords(supervisor.name, objects.vms, scope),
      clusters: toClusterRecords(supervisor.name, objects, scope),
      // every VM Service VM, nodes included, so none is ingested twice as a vCenter VM
      serviceMorefs: objects.vms.flatMap(vm => {
        const id = (vm.status as { uniqueID?: unknown } | undefined)?.uniqueID;
        return typeof id === 'string' && id ? [id] : [];
      }),
    };
  }
}
