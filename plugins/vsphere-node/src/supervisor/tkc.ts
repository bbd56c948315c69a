import {
  NodePool,
  WorkloadCluster,
} from '@backstage-vsphere/plugin-vsphere-common';
import { ConflictError, InputError } from '@backstage/errors';
import {
  NodePoolIndex,
  controlPlaneMachines,
  NodePoolSpec,
  TopologyWorker,
  deploymentStatus,
  toNodePoolMachine,
} from './nodePools';
import {
  KubeObject,
  arrayAt,
  assignDefined,
  conditionsAt,
  numberAt,
  stringAt,
} from './objects';

/** A TanzuKubernetesCluster's node pools; `name` is required in every served version. */
export function tanzuNodePools(tkc: KubeObject): TopologyWorker[] {
  return arrayAt(tkc, 'spec', 'topology', 'nodePools').filter(
    (p): p is TopologyWorker => typeof stringAt(p, 'name') === 'string',
  );
}

/**
 * A new nodePools list with the pool added (a TanzuKubernetesCluster names the VM class
 * directly); the same list when an equal pool exists.
 */
export function addTanzuNodePool(
  pools: TopologyWorker[],
  cluster: string,
  spec: NodePoolSpec,
): TopologyWorker[] {
  const existing = pools.find(p => p.name === spec.name);
  if (existing) {
    if (stringAt(existing, 'vmClass') === spec.vmClass) {
      return pools;
    }
    throw new ConflictError(
      `Node pool '${spec.name}' already exists in cluster '${cluster}' with another VM class`,
    );
  }
  if (!spec.vmClass || !spec.storageClass) {
    throw new InputError(
      `Node pool '${spec.name}' of TanzuKubernetesCluster '${cluster}' needs a vmClass and a storageClass`,
    );
  }
  return [
    ...pools,
    {
      name: spec.name,
      replicas: spec.replicas,
      vmClass: spec.vmClass,
      storageClass: spec.storageClass,
      ...(spec.failureDomain ? { failureDomain: spec.failureDomain } : {}),
    },
  ];
}

/**
 * The Kubernetes release: v1alpha3 names a TKR per topology, v1alpha2 a distribution version.
 */
function tanzuVersion(tkc: KubeObject): string | undefined {
  return (
    stringAt(
      tkc,
      'spec',
      'topology',
      'controlPlane',
      'tkr',
      'reference',
      'name',
    ) ??
    stringAt(tkc, 'spec', 'distribution', 'fullVersion') ??
    stringAt(tkc, 'spec', 'distribution', 'version')
  );
}

/**
 * A TanzuKubernetesCluster (`run.tanzu.vmware.com` v1alpha2/v1alpha3) as the common type. Its
 * node pools become MachineDeployments of the Cluster it creates, labelled like topology pools.
 * @public
 */
export function toTanzuWorkloadCluster(
  tkc: KubeObject,
  index: NodePoolIndex,
): WorkloadCluster {
  const namespace = tkc.metadata.namespace ?? '';
  const nodePools: NodePool[] = tanzuNodePools(tkc).map(pool => {
    const name = stringAt(pool, 'name')!;
    const md = index.deployment(namespace, tkc.metadata.name, name);
    return assignDefined<NodePool>(
      {
        name,
        desiredReplicas:
          numberAt(pool, 'replicas') ?? numberAt(md, 'spec', 'replicas') ?? 0,
        ...deploymentStatus(md),
        machines: index
          .machinesOf(namespace, tkc.metadata.name, name)
          .map(toNodePoolMachine),
      },
      {
        vmClass: stringAt(pool, 'vmClass'),
        storageClass: stringAt(pool, 'storageClass'),
      },
    );
  });
  const conditions = conditionsAt(tkc, 'status', 'conditions');
  const controlPlaneReady = conditions.find(
    c => c.type === 'ControlPlaneReady',
  );
  return assignDefined<WorkloadCluster>(
    {
      name: tkc.metadata.name,
      namespace,
      kind: 'TanzuKubernetesCluster',
      conditions,
      nodePools,
    },
    {
      controlPlaneMachines: controlPlaneMachines(
        index,
        namespace,
        tkc.metadata.name,
      ),
      version: tanzuVersion(tkc),
      phase: stringAt(tkc, 'status', 'phase'),
      controlPlaneReplicas: numberAt(
        tkc,
        'spec',
        'topology',
        'controlPlane',
        'replicas',
      ),
      controlPlaneReady: controlPlaneReady
        ? controlPlaneReady.status === 'True'
        : undefined,
    },
  );
}
