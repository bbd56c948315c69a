import { ConflictError, NotFoundError } from '@backstage/errors';
import { WorkloadCluster } from '@backstage-vsphere/plugin-vsphere-common';
import {
  ClusterSpec,
  buildWorkloadClusters,
  clusterManifest,
  topologyWorkers,
} from './clusters';
import {
  CLUSTER_NAME_LABEL,
  NodePoolSpec,
  TopologyWorker,
  addWorker,
  removeWorker,
  scaleWorkers,
} from './nodePools';
import { KubeObject } from './objects';
import { ResourceApi } from './resourceApi';
import { addTanzuNodePool, tanzuNodePools } from './tkc';

/** Topology edits re-read and retry when someone else changed the cluster meanwhile. */
const EDIT_ATTEMPTS = 3;

interface CallOptions {
  signal?: AbortSignal;
}

/** Whose pool list a topology edit changes. */
interface PoolOwner {
  kind: 'Cluster' | 'TanzuKubernetesCluster';
  object: KubeObject;
  pools: TopologyWorker[];
}

/**
 * Workload clusters and their node pools: reads join Clusters or TanzuKubernetesClusters with
 * MachineDeployments and Machines; pool changes go to the cluster's topology only.
 */
export class WorkloadClusterApi {
  constructor(
    private readonly api: ResourceApi,
    private readonly supervisor: string,
  ) {}

  /** A fixed number of list requests, whatever the number of clusters. */
  async list(
    namespace: string,
    options: CallOptions = {},
  ): Promise<WorkloadCluster[]> {
    const read = { ...options, namespace };
    const [clusters, tanzuClusters, machineDeployments, machines] =
      await Promise.all([
        this.api.listIfServed('Cluster', read),
        this.api.listIfServed('TanzuKubernetesCluster', read),
        this.api.listIfServed('MachineDeployment', read),
        this.api.listIfServed('Machine', read),
      ]);
    return buildWorkloadClusters({
      clusters,
      tanzuClusters,
      machineDeployments,
      machines,
    });
  }

  async get(
    namespace: string,
    name: string,
    options: CallOptions = {},
  ): Promise<WorkloadCluster> {
    const one = { namespace, signal: options.signal };
    const ofCluster = {
      ...one,
      labelSelector: `${CLUSTER_NAME_LABEL}=${name}`,
    };
    const [cluster, tanzuCluster, machineDeployments, machines] =
      await Promise.all([
        this.api.find('Cluster', name, one),
        this.api.find('TanzuKubernetesCluster', name, one),
        this.api.listIfServed('MachineDeployment', ofCluster),
        this.api.listIfServed('Machine', ofCluster),
      ]);
    const [found] = buildWorkloadClusters({
      clusters: cluster ? [cluster] : [],
      tanzuClusters: tanzuCluster ? [tanzuCluster] : [],
      machineDeployments,
      machines,
    });
    if (!found) {
      throw this.notFound(namespace, name);
    }
    return found;
  }

  async apply(
    spec: ClusterSpec,
    options: CallOptions & { force?: boolean } = {},
  ): Promise<WorkloadCluster> {
    const apiVersion = await this.api.apiVersion('Cluster');
    await this.api.apply(
      'Cluster',
      clusterManifest(spec, apiVersion.split('/')[1]),
      options,
    );
    return this.get(spec.namespace, spec.name, options);
  }

  scalePool(
    namespace: string,
    cluster: string,
    pool: string,
    replicas: number,
    options: CallOptions,
  ): Promise<WorkloadCluster> {
    return this.editPools(namespace, cluster, options, ({ pools }) =>
      scaleWorkers(pools, cluster, pool, replicas),
    );
  }

  addPool(
    namespace: string,
    cluster: string,
    pool: NodePoolSpec,
    options: CallOptions,
  ): Promise<WorkloadCluster> {
    return this.editPools(namespace, cluster, options, owner =>
      owner.kind === 'Cluster'
        ? addWorker(owner.pools, cluster, pool)
        : addTanzuNodePool(owner.pools, cluster, pool),
    );
  }

  removePool(
    namespace: string,
    cluster: string,
    pool: string,
    options: CallOptions,
  ): Promise<WorkloadCluster> {
    return this.editPools(namespace, cluster, options, ({ pools }) =>
      removeWorker(pools, pool),
    );
  }

  private notFound(namespace: string, name: string): NotFoundError {
    return new NotFoundError(
      `Cluster '${name}' in namespace '${namespace}' was not found on Supervisor '${this.supervisor}'`,
    );
  }

  /** The object that holds the pool list: a TanzuKubernetesCluster owns the Cluster it creates. */
  private async poolOwner(
    namespace: string,
    name: string,
    signal?: AbortSignal,
  ): Promise<PoolOwner> {
    const cluster = await this.api.find('Cluster', name, { namespace, signal });
    const ownedByTanzu = cluster?.metadata.ownerReferences?.some(
      ref => ref.kind === 'TanzuKubernetesCluster',
    );
    if (cluster && !ownedByTanzu) {
      return {
        kind: 'Cluster',
        object: cluster,
        pools: topologyWorkers(cluster),
      };
    }
    const tanzu = await this.api.find('TanzuKubernetesCluster', name, {
      namespace,
      signal,
    });
    if (!tanzu) {
      throw this.notFound(namespace, name);
    }
    return {
      kind: 'TanzuKubernetesCluster',
      object: tanzu,
      pools: tanzuNodePools(tanzu),
    };
  }

  /**
   * Read, change the pool list, write it back guarded by the resourceVersion read; a 409 means
   * someone else wrote in between, so read and apply the change again.
   */
  private async editPools(
    namespace: string,
    name: string,
    options: CallOptions,
    edit: (owner: PoolOwner) => TopologyWorker[],
  ): Promise<WorkloadCluster> {
    for (let attempt = 1; ; attempt++) {
      const owner = await this.poolOwner(namespace, name, options.signal);
      const pools = edit(owner);
      if (pools === owner.pools) {
        break;
      }
      const topology =
        owner.kind === 'Cluster'
          ? { workers: { machineDeployments: pools } }
          : { nodePools: pools };
      try {
        await this.api.mergePatch(
          owner.kind,
          namespace,
          name,
          {
            metadata: {
              resourceVersion: owner.object.metadata.resourceVersion,
            },
            spec: { topology },
          },
          options,
        );
        break;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= EDIT_ATTEMPTS) {
          throw error;
        }
      }
    }
    return this.get(namespace, name, options);
  }
}
