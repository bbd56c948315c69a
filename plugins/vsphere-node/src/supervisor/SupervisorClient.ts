import { LoggerService } from '@backstage/backend-plugin-api';
import {
  SupervisorEvent,
  SupervisorKubernetesNamespace,
  SupervisorLimitRange,
  SupervisorResourceQuota,
  VmServiceImage,
  VmServiceVm,
  VmServiceVmClass,
  WorkloadCluster,
} from '@backstage-vsphere/plugin-vsphere-common';
import { SupervisorConfig } from '../config';
import {
  ApiVersionCache,
  SupervisorApiVersions,
  SupervisorVersionPreferences,
} from './apiVersions';
import { ClusterSpec } from './clusters';
import { buildAgent, buildKubeConfig, TokenSource } from './kubeConfig';
import {
  byLastSeenDescending,
  toSupervisorEvent,
  toSupervisorKubernetesNamespace,
  toSupervisorLimitRange,
  toSupervisorResourceQuota,
} from './namespaces';
import { NodePoolSpec } from './nodePools';
import { KubeObject } from './objects';
import { ResourceApi, SupervisorReadOptions } from './resourceApi';
import { SupervisorResource } from './resources';
import { SupervisorTransport } from './transport';
import {
  VirtualMachineSpec,
  toVmServiceVm,
  virtualMachineManifest,
} from './virtualMachines';
import { toVmServiceImage } from './vmImages';
import { toVmServiceVmClass } from './vmClasses';
import {
  SupervisorWatch,
  SupervisorWatchEvent,
  SupervisorWatchOptions,
} from './watch';
import { WorkloadClusterApi } from './workloadClusters';

const DEFAULT_TIMEOUT_MS = 10_000;
const DISCOVERY_TTL_MS = 5 * 60_000;

/**
 * Options of {@link SupervisorClient.create}.
 * @public
 */
export interface SupervisorClientOptions {
  logger: LoggerService;
  /** Deadline of one request; defaults to 10 seconds. */
  requestTimeoutMs?: number;
  /** Restricts or reorders the API versions the client may use, e.g. to pin one during an upgrade. */
  versions?: SupervisorVersionPreferences;
}

/**
 * Options of a single call.
 * @public
 */
export interface SupervisorCallOptions {
  signal?: AbortSignal;
}

/**
 * Options of a write.
 * @public
 */
export interface SupervisorApplyOptions extends SupervisorCallOptions {
  /** Take over fields another field manager owns instead of failing with a conflict. */
  force?: boolean;
}

/**
 * The Kubernetes API of one Supervisor: VM Service VMs, classes and images, Cluster API and
 * TanzuKubernetesCluster clusters with their node pools, namespaces, quotas, limit ranges and events.
 * @public
 */
export class SupervisorClient {
  /** Builds a client; it connects on the first call. */
  static create(
    config: SupervisorConfig,
    options: SupervisorClientOptions,
  ): SupervisorClient {
    const tokens = new TokenSource(config.name, config.token, config.tokenFile);
    const transport = new SupervisorTransport(
      config.name,
      config.url,
      buildKubeConfig(config, tokens),
      buildAgent(config),
      options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
    const versions = new ApiVersionCache(
      async () =>
        (
          await transport.call(
            { verb: 'discover', resource: 'API groups' },
            undefined,
            o => transport.apis.getAPIVersions({}, o),
          )
        ).groups,
      options.versions ?? {},
      DISCOVERY_TTL_MS,
    );
    if (config.skipTLSVerify) {
      options.logger.warn(
        `TLS verification is off for Supervisor '${config.name}' (dangerouslySkipTLSVerify)`,
      );
    }
    return new SupervisorClient(
      config.name,
      versions,
      new ResourceApi(transport, versions, options.logger),
    );
  }

  private readonly clusters: WorkloadClusterApi;

  private constructor(
    /** The Supervisor's name from config. */
    readonly name: string,
    private readonly versions: ApiVersionCache,
    private readonly api: ResourceApi,
  ) {
    this.clusters = new WorkloadClusterApi(api, name);
  }

  /** The version of each API group this client uses on this Supervisor. */
  apiVersions(): Promise<SupervisorApiVersions> {
    return this.versions.get();
  }

  /** Whether the Supervisor serves a supported version of the kind's API group. */
  isServed(kind: SupervisorResource): Promise<boolean> {
    return this.api.isServed(kind);
  }

  /** One cheap request (API discovery, readable by every account) that proves the server answers. */
  async ping(options: SupervisorCallOptions = {}): Promise<void> {
    await this.api.transport.call(
      { verb: 'discover', resource: 'API groups' },
      options.signal,
      o => this.api.transport.apis.getAPIVersions({}, o),
    );
  }

  /** Every object of a kind (all pages), as plain JSON. */
  async list(
    kind: SupervisorResource,
    options: SupervisorReadOptions = {},
  ): Promise<KubeObject[]> {
    return (await this.api.list(kind, options)).items;
  }

  /** One object; NotFoundError names it when it does not exist. */
  get(
    kind: SupervisorResource,
    name: string,
    options: { namespace?: string; signal?: AbortSignal } = {},
  ): Promise<KubeObject> {
    return this.api.get(kind, name, options);
  }

  /** Lists, then streams changes until stopped; re-lists after 410 Gone and reconnects on failure. */
  watch(
    kind: SupervisorResource,
    onEvent: (event: SupervisorWatchEvent) => void,
    options: SupervisorWatchOptions = {},
  ): Promise<SupervisorWatch> {
    return this.api.watch(kind, onEvent, options);
  }

  async listVirtualMachines(
    namespace: string,
    options: Omit<SupervisorReadOptions, 'namespace'> = {},
  ): Promise<VmServiceVm[]> {
    const vms = await this.list('VirtualMachine', { ...options, namespace });
    return vms.map(toVmServiceVm);
  }

  async getVirtualMachine(
    namespace: string,
    name: string,
    options: SupervisorCallOptions = {},
  ): Promise<VmServiceVm> {
    return toVmServiceVm(
      await this.get('VirtualMachine', name, { ...options, namespace }),
    );
  }

  async listVirtualMachineClasses(
    namespace: string,
    options: SupervisorCallOptions = {},
  ): Promise<VmServiceVmClass[]> {
    const classes = await this.list('VirtualMachineClass', {
      ...options,
      namespace,
    });
    return classes.map(toVmServiceVmClass);
  }

  /**
   * The namespace's own images, then the cluster-wide ones it can use too: in that order, so that
   * whoever resolves a name shared by both (pickers, actions) finds the namespace's own first.
   */
  async listVirtualMachineImages(
    namespace: string,
    options: SupervisorCallOptions = {},
  ): Promise<VmServiceImage[]> {
    const [own, shared] = await Promise.all([
      this.list('VirtualMachineImage', { ...options, namespace }),
      this.list('ClusterVirtualMachineImage', options),
    ]);
    return [...own, ...shared].map(toVmServiceImage);
  }

  async listNamespaces(
    options: Omit<SupervisorReadOptions, 'namespace'> = {},
  ): Promise<SupervisorKubernetesNamespace[]> {
    return (await this.list('Namespace', options)).map(
      toSupervisorKubernetesNamespace,
    );
  }

  async getNamespace(
    name: string,
    options: SupervisorCallOptions = {},
  ): Promise<SupervisorKubernetesNamespace> {
    return toSupervisorKubernetesNamespace(
      await this.get('Namespace', name, options),
    );
  }

  async listResourceQuotas(
    namespace: string,
    options: SupervisorCallOptions = {},
  ): Promise<SupervisorResourceQuota[]> {
    const quotas = await this.list('ResourceQuota', { ...options, namespace });
    return quotas.map(toSupervisorResourceQuota);
  }

  async listLimitRanges(
    namespace: string,
    options: SupervisorCallOptions = {},
  ): Promise<SupervisorLimitRange[]> {
    const ranges = await this.list('LimitRange', { ...options, namespace });
    return ranges.map(toSupervisorLimitRange);
  }

  /** Events of the namespace, newest first; optionally only one object's, and at most `limit`. */
  async listEvents(
    namespace: string,
    options: SupervisorCallOptions & {
      involvedObject?: { kind?: string; name: string };
      limit?: number;
    } = {},
  ): Promise<SupervisorEvent[]> {
    const about = options.involvedObject;
    const fieldSelector = about
      ? [
          `involvedObject.name=${about.name}`,
          ...(about.kind ? [`involvedObject.kind=${about.kind}`] : []),
        ].join(',')
      : undefined;
    const events = (
      await this.list('Event', {
        namespace,
        fieldSelector,
        signal: options.signal,
      })
    )
      .map(toSupervisorEvent)
      .sort(byLastSeenDescending);
    return options.limit ? events.slice(0, options.limit) : events;
  }

  /**
   * The namespace's workload clusters with node pools, MachineDeployments and Machines, in a
   * fixed number of list requests whatever the number of clusters.
   */
  listWorkloadClusters(
    namespace: string,
    options: SupervisorCallOptions = {},
  ): Promise<WorkloadCluster[]> {
    return this.clusters.list(namespace, options);
  }

  /** One workload cluster (Cluster API or TanzuKubernetesCluster) with its node pools. */
  getWorkloadCluster(
    namespace: string,
    name: string,
    options: SupervisorCallOptions = {},
  ): Promise<WorkloadCluster> {
    return this.clusters.get(namespace, name, options);
  }

  /** Creates or updates a VM Service VM by server-side apply. */
  async applyVirtualMachine(
    spec: VirtualMachineSpec,
    options: SupervisorApplyOptions = {},
  ): Promise<VmServiceVm> {
    const apiVersion = await this.api.apiVersion('VirtualMachine');
    const manifest = virtualMachineManifest(spec, apiVersion.split('/')[1]);
    return toVmServiceVm(
      await this.api.apply('VirtualMachine', manifest, options),
    );
  }

  /** Powers a VM on or off (or suspends it) through `spec.powerState`. */
  async setVirtualMachinePowerState(
    namespace: string,
    name: string,
    powerState: 'PoweredOn' | 'PoweredOff' | 'Suspended',
    options: SupervisorCallOptions = {},
  ): Promise<VmServiceVm> {
    const patched = await this.api.mergePatch(
      'VirtualMachine',
      namespace,
      name,
      { spec: { powerState } },
      options,
    );
    return toVmServiceVm(patched);
  }

  async deleteVirtualMachine(
    namespace: string,
    name: string,
    options: SupervisorCallOptions = {},
  ): Promise<void> {
    await this.api.delete('VirtualMachine', namespace, name, options);
  }

  /** Creates or updates a Cluster API cluster on a ClusterClass by server-side apply. */
  applyCluster(
    spec: ClusterSpec,
    options: SupervisorApplyOptions = {},
  ): Promise<WorkloadCluster> {
    return this.clusters.apply(spec, options);
  }

  async deleteCluster(
    namespace: string,
    name: string,
    options: SupervisorCallOptions = {},
  ): Promise<void> {
    await this.api.delete('Cluster', namespace, name, options);
  }

  /** Sets a node pool's desired replicas in the cluster topology (never on the MachineDeployment). */
  scaleNodePool(
    namespace: string,
    cluster: string,
    pool: string,
    replicas: number,
    options: SupervisorCallOptions = {},
  ): Promise<WorkloadCluster> {
    return this.clusters.scalePool(namespace, cluster, pool, replicas, options);
  }

  /** Adds a node pool to the cluster topology; adding an equal pool again changes nothing. */
  addNodePool(
    namespace: string,
    cluster: string,
    pool: NodePoolSpec,
    options: SupervisorCallOptions = {},
  ): Promise<WorkloadCluster> {
    return this.clusters.addPool(namespace, cluster, pool, options);
  }

  /** Removes a node pool from the cluster topology; removing a missing pool changes nothing. */
  removeNodePool(
    namespace: string,
    cluster: string,
    pool: string,
    options: SupervisorCallOptions = {},
  ): Promise<WorkloadCluster> {
    return this.clusters.removePool(namespace, cluster, pool, options);
  }

  /** Closes idle connections; call when the backend stops. */
  close(): void {
    this.api.transport.close();
  }
}
