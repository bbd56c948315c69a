import { LoginBackoff } from './LoginBackoff';
import {
  PerfSeries,
  VCenterVm,
} from '@backstage-vsphere/plugin-vsphere-common';
import { HOST_USAGE_SPEC, HostUsage, toHostUsage } from './capacity';
import { PerfReader } from './perf';
import { LoggerService } from '@backstage/backend-plugin-api';
import { VCenterConfig } from '../config';
import { ContentLibraries } from './contentLibraries';
import { VCenterHttp } from './http';
import {
  CLUSTER_SPEC,
  DATASTORE_SPEC,
  HOST_SPEC,
  NAME_SPECS,
  RESOURCE_POOL_SPEC,
  VM_SPEC,
  toCluster,
  toDatastore,
  toHost,
  placementRefs,
  toNameMap,
  toResourcePool,
  toVm,
} from './inventory';
import * as namespaces from './namespaces';
import { StoragePolicies } from './pbm';
import { PropertyCollector, PropertySpec } from './propertyCollector';
import { RestSession } from './RestSession';
import { SoapSession } from './SoapSession';
import { MoRef, asArray, textOf } from './soapXml';
import { isObject } from './wire';
import { VCenterWatch, VCenterWatchOptions } from './VCenterWatch';
import {
  ContentLibrary,
  ContentLibraryItem,
  NamespaceCreateSpec,
  NamespaceUpdateSpec,
  StoragePolicy,
  SupervisorCluster,
  SupervisorNamespace,
  SupervisorZone,
  VCenterCallOptions,
  VCenterCluster,
  VCenterDatastore,
  VCenterHost,
  VCenterResourcePool,
  VmClass,
} from './types';
import { getVmClass, listVmClasses } from './vmClasses';

/**
 * A client of one vCenter: REST for Supervisor namespaces, VM classes and content libraries,
 * SOAP for bulk inventory and storage policies. It holds at most one REST and one SOAP session,
 * shared by all callers, and logs both out on {@link VCenterClient.close}.
 * @public
 */
export class VCenterClient {
  private readonly http: VCenterHttp;
  private readonly rest: RestSession;
  private readonly soap: SoapSession;
  private readonly collector: PropertyCollector;
  private readonly libraries: ContentLibraries;
  private readonly namespaces: namespaces.NamespaceInstances;
  private readonly policies: StoragePolicies;
  private readonly perf: PerfReader;
  private closing?: Promise<void>;

  /** Creates a client; nothing is sent until the first call. */
  static create(
    config: VCenterConfig,
    options: { logger: LoggerService },
  ): VCenterClient {
    return new VCenterClient(config, options.logger);
  }

  private constructor(
    private readonly config: VCenterConfig,
    private readonly logger: LoggerService,
  ) {
    this.http = new VCenterHttp(config, logger);
    // one account: a rejected login over either API holds back logins over both
    const backoff = new LoginBackoff(Date.now, (error, waitMs) =>
      logger.warn(
        `${error.message}; logins to vCenter '${config.name}' wait ${
          waitMs / 1000
        } s`,
      ),
    );
    this.rest = new RestSession(this.http, config, logger, backoff);
    this.soap = new SoapSession(this.http, config, logger, backoff);
    this.collector = new PropertyCollector(this.soap, logger, config.name);
    this.libraries = new ContentLibraries(this.rest);
    this.namespaces = new namespaces.NamespaceInstances(this.rest);
    this.policies = new StoragePolicies(this.soap, config.name);
    this.perf = new PerfReader(this.soap, this.collector, config.name);
  }

  /** The configured name of the vCenter. */
  get name(): string {
    return this.config.name;
  }

  /** Supervisor namespaces in summary form (no specs), from the v2 API where served. */
  listNamespaces(options?: VCenterCallOptions): Promise<SupervisorNamespace[]> {
    return this.namespaces.list(options);
  }

  /**
   * One namespace with its specs (and zones, library settings, network and self-service flag
   * where the vCenter serves the v2 API); NotFoundError when it does not exist.
   */
  getNamespace(
    name: string,
    options?: VCenterCallOptions,
  ): Promise<SupervisorNamespace> {
    return this.namespaces.get(name, options);
  }

  /**
   * Creates a namespace; never retried, as a resend could race a concurrent create. Zones,
   * library settings and a network spec go over the v2 API (InputError where it is missing).
   */
  createNamespace(
    spec: NamespaceCreateSpec,
    options?: VCenterCallOptions,
  ): Promise<void> {
    return this.namespaces.create(spec, options);
  }

  /** The vSphere zones bound to a Supervisor (by its id, e.g. `domain-c8`); none before vSphere 9. */
  listSupervisorZones(
    supervisor: string,
    options?: VCenterCallOptions,
  ): Promise<SupervisorZone[]> {
    return this.namespaces.listSupervisorZones(supervisor, options);
  }

  /** Changes a namespace (PATCH): each set field replaces the current value. */
  updateNamespace(
    name: string,
    spec: NamespaceUpdateSpec,
    options?: VCenterCallOptions,
  ): Promise<void> {
    return namespaces.updateNamespace(this.rest, name, spec, options);
  }

  /** Starts deleting a namespace; vCenter removes it asynchronously (config status REMOVING). */
  deleteNamespace(name: string, options?: VCenterCallOptions): Promise<void> {
    return namespaces.deleteNamespace(this.rest, name, options);
  }

  /** Clusters with the Supervisor enabled. */
  listSupervisorClusters(
    options?: VCenterCallOptions,
  ): Promise<SupervisorCluster[]> {
    return namespaces.listSupervisorClusters(this.rest, options);
  }

  listVmClasses(options?: VCenterCallOptions): Promise<VmClass[]> {
    return listVmClasses(this.rest, options);
  }

  getVmClass(id: string, options?: VCenterCallOptions): Promise<VmClass> {
    return getVmClass(this.rest, id, options);
  }

  listContentLibraries(
    options?: VCenterCallOptions,
  ): Promise<ContentLibrary[]> {
    return this.libraries.list(options);
  }

  getContentLibrary(
    id: string,
    options?: VCenterCallOptions,
  ): Promise<ContentLibrary> {
    return this.libraries.get(id, options);
  }

  listContentLibraryItems(
    libraryId: string,
    options?: VCenterCallOptions,
  ): Promise<ContentLibraryItem[]> {
    return this.libraries.listItems(libraryId, options);
  }

  /** VM storage policies (requirement profiles) through PBM. */
  listStoragePolicies(options?: VCenterCallOptions): Promise<StoragePolicy[]> {
    return this.policies.list(options);
  }

  /**
   * Every VM, read in pages of `inventoryPageSize`, with host and datastore names joined
   * from one more read of those names.
   */
  async listVms(options: VCenterCallOptions = {}): Promise<VCenterVm[]> {
    const [vms, names] = await Promise.all([
      this.retrieve([VM_SPEC], 'virtual machines', options),
      this.retrieve(NAME_SPECS, 'host and datastore names', options),
    ]);
    const nameMap = toNameMap(names);
    return vms.map(vm => toVm(vm, nameMap));
  }

  /**
   * The VMs with these managed object ids (ones deleted meanwhile are left out), with host and
   * datastore names: two reads, whatever the size of the vCenter.
   */
  async getVms(
    morefs: string[],
    options: VCenterCallOptions = {},
  ): Promise<VCenterVm[]> {
    const read = {
      pageSize: this.config.inventoryPageSize,
      signal: options.signal,
    };
    const vms = await this.collector.retrieveObjects(
      [...new Set(morefs)].map(value => ({ type: 'VirtualMachine', value })),
      { ...read, specs: [VM_SPEC], what: 'virtual machines' },
    );
    const names = await this.collector.retrieveObjects(placementRefs(vms), {
      ...read,
      specs: NAME_SPECS,
      what: 'host and datastore names',
    });
    const nameMap = toNameMap(names);
    return vms.map(vm => toVm(vm, nameMap));
  }

  async listHosts(options: VCenterCallOptions = {}): Promise<VCenterHost[]> {
    return (await this.retrieve([HOST_SPEC], 'hosts', options)).map(toHost);
  }

  /** Every host's size and quick stats (used CPU and memory), in one paged read. */
  async listHostUsage(options: VCenterCallOptions = {}): Promise<HostUsage[]> {
    return (await this.retrieve([HOST_USAGE_SPEC], 'host usage', options)).map(
      toHostUsage,
    );
  }

  /**
   * Recent CPU and memory (real-time interval) of VMs and hosts by managed object id, in bulk:
   * one QueryPerf per 500 objects.
   */
  queryPerf(
    entities: { type: 'VirtualMachine' | 'HostSystem'; value: string }[],
    options: VCenterCallOptions & { samples?: number } = {},
  ): Promise<PerfSeries[]> {
    return this.perf.query(entities, options);
  }

  async listClusters(
    options: VCenterCallOptions = {},
  ): Promise<VCenterCluster[]> {
    return (await this.retrieve([CLUSTER_SPEC], 'clusters', options)).map(
      toCluster,
    );
  }

  async listDatastores(
    options: VCenterCallOptions = {},
  ): Promise<VCenterDatastore[]> {
    return (await this.retrieve([DATASTORE_SPEC], 'datastores', options)).map(
      toDatastore,
    );
  }

  async listResourcePools(
    options: VCenterCallOptions = {},
  ): Promise<VCenterResourcePool[]> {
    return (
      await this.retrieve([RESOURCE_POOL_SPEC], 'resource pools', options)
    ).map(toResourcePool);
  }

  /**
   * The VM folders of the given name in every datacenter, e.g. `Namespaces`, where the Supervisor
   * places the VMs of its namespaces.
   */
  async findVmFolders(
    name: string,
    options: VCenterCallOptions = {},
  ): Promise<MoRef[]> {
    const folders = await this.retrieve(
      [{ type: 'Folder', paths: ['name', 'childType'] }],
      'folders',
      options,
    );
    return folders
      .filter(
        f =>
          textOf(f.props.name) === name &&
          asArray(
            isObject(f.props.childType) ? f.props.childType.string : undefined,
          )
            .map(textOf)
            .includes('VirtualMachine'),
      )
      .map(f => f.ref);
  }

  /**
   * A live feed of the objects the specs name (WaitForUpdatesEx on a private PropertyCollector)
   * in this client's SOAP session; nothing is sent before {@link VCenterWatch.start}. Stop it
   * before {@link VCenterClient.close}.
   */
  watchInventory(options: VCenterWatchOptions): VCenterWatch {
    return new VCenterWatch(
      this.soap,
      this.logger,
      this.config.name,
      this.config.requestTimeoutMs,
      options,
    );
  }

  /** Logs out both sessions and closes connections; safe to call more than once. */
  close(): Promise<void> {
    if (!this.closing) {
      this.closing = Promise.all([this.rest.close(), this.soap.close()]).then(
        () => this.http.destroy(),
      );
    }
    return this.closing;
  }

  private retrieve(
    specs: PropertySpec[],
    what: string,
    options: VCenterCallOptions,
  ) {
    return this.collector.retrieveFromContainerView({
      specs,
      what,
      pageSize: this.config.inventoryPageSize,
      signal: options.signal,
    });
  }
}
