import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  NodePool,
  NodePoolMachine,
} from '@backstage-vsphere/plugin-vsphere-common';
import {
  KubeObject,
  arrayAt,
  assignDefined,
  conditionsAt,
  numberAt,
  stringAt,
  valueAt,
} from './objects';

/** Labels Cluster API puts on a topology's MachineDeployments and their Machines. */
export const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';
export const TOPOLOGY_POOL_LABEL = 'topology.cluster.x-k8s.io/deployment-name';
export const DEPLOYMENT_NAME_LABEL = 'cluster.x-k8s.io/deployment-name';
export const CONTROL_PLANE_LABEL = 'cluster.x-k8s.io/control-plane';

/**
 * A node pool to add to a cluster's topology.
 * @public
 */
export interface NodePoolSpec {
  name: string;
  replicas: number;
  /** The ClusterClass worker class; defaults to the class of the cluster's first pool. */
  class?: string;
  vmClass?: string;
  storageClass?: string;
  failureDomain?: string;
}

/** One entry of `spec.topology.workers.machineDeployments` (same in v1beta1 and v1beta2). */
export type TopologyWorker = Record<string, unknown> & { name: string };

/** The value of a variable override (`variables.overrides[{name, value}]`) or cluster variable. */
export function variableValue(
  variables: unknown[],
  name: string,
): string | undefined {
  const found = variables.find(v => stringAt(v, 'name') === name);
  const value = valueAt(found, 'value');
  return typeof value === 'string' ? value : undefined;
}

/**
 * MachineDeployments and Machines of many clusters, grouped by namespace, cluster and pool,
 * so building every cluster of a namespace needs no further request.
 *
 * @public
 */
export class NodePoolIndex {
  private readonly deployments = new Map<string, KubeObject>();
  private readonly machines = new Map<string, KubeObject[]>();
  private readonly controlPlanes = new Map<string, KubeObject[]>();

  constructor(machineDeployments: KubeObject[], machines: KubeObject[]) {
    const poolByDeployment = new Map<string, string>();
    for (const md of machineDeployments) {
      const pool = md.metadata.labels?.[TOPOLOGY_POOL_LABEL];
      const cluster = md.metadata.labels?.[CLUSTER_NAME_LABEL];
      if (pool && cluster) {
        this.deployments.set(key(md.metadata.namespace, cluster, pool), md);
        poolByDeployment.set(
          `${md.metadata.namespace}/${md.metadata.name}`,
          pool,
        );
      }
    }
    for (const machine of machines) {
      const labels = machine.metadata.labels ?? {};
      const cluster = labels[CLUSTER_NAME_LABEL];
      // Older Machines carry only the MachineDeployment's name, not the topology pool's.
      const pool =
        labels[TOPOLOGY_POOL_LABEL] ??
        poolByDeployment.get(
          `${machine.metadata.namespace}/${labels[DEPLOYMENT_NAME_LABEL]}`,
        );
      if (pool && cluster) {
        const k = key(machine.metadata.namespace, cluster, pool);
        this.machines.set(k, [...(this.machines.get(k) ?? []), machine]);
      } else if (cluster && CONTROL_PLANE_LABEL in labels) {
        const k = key(machine.metadata.namespace, cluster, '');
        this.controlPlanes.set(k, [
          ...(this.controlPlanes.get(k) ?? []),
          machine,
        ]);
      }
    }
  }

  deployment(
    namespace: string,
    cluster: string,
    pool: string,
  ): KubeObject | undefined {
    return this.deployments.get(key(namespace, cluster, pool));
  }

  machinesOf(namespace: string, cluster: string, pool: string): KubeObject[] {
    return this.machines.get(key(namespace, cluster, pool)) ?? [];
  }

  /** The cluster's control-plane Machines (label `cluster.x-k8s.io/control-plane`). */
  controlPlaneMachinesOf(namespace: string, cluster: string): KubeObject[] {
    return this.controlPlanes.get(key(namespace, cluster, '')) ?? [];
  }
}

function key(namespace: string | undefined, cluster: string, pool: string) {
  return `${namespace ?? ''}/${cluster}/${pool}`;
}

/** A cluster's control-plane Machines as the common type, or undefined when it has none. */
export function controlPlaneMachines(
  index: NodePoolIndex,
  namespace: string,
  cluster: string,
): NodePoolMachine[] | undefined {
  const machines = index.controlPlaneMachinesOf(namespace, cluster);
  return machines.length ? machines.map(toNodePoolMachine) : undefined;
}

/**
 * A Machine (v1beta1 and v1beta2 keep these fields at the same paths) as the common type.
 * @public
 */
export function toNodePoolMachine(machine: KubeObject): NodePoolMachine {
  return assignDefined<NodePoolMachine>(
    { name: machine.metadata.name },
    {
      phase: stringAt(machine, 'status', 'phase'),
      nodeName: stringAt(machine, 'status', 'nodeRef', 'name'),
      providerID: stringAt(machine, 'spec', 'providerID'),
    },
  );
}

type DeploymentStatus = Pick<
  NodePool,
  'replicas' | 'readyReplicas' | 'availableReplicas' | 'phase' | 'conditions'
>;

/**
 * The status a MachineDeployment reports; v1beta2 made the counters optional.
 */
export function deploymentStatus(md: KubeObject | undefined): DeploymentStatus {
  return assignDefined<DeploymentStatus>(
    {
      readyReplicas: numberAt(md, 'status', 'readyReplicas') ?? 0,
      conditions: conditionsAt(md, 'status', 'conditions'),
    },
    {
      replicas: numberAt(md, 'status', 'replicas'),
      availableReplicas: numberAt(md, 'status', 'availableReplicas'),
      phase: stringAt(md, 'status', 'phase'),
    },
  );
}

/**
 * A Cluster topology's worker entry with its MachineDeployment and Machines.
 * `clusterVariables` give the vmClass and storageClass a pool does not override.
 */
export function toNodePool(
  worker: unknown,
  cluster: KubeObject,
  index: NodePoolIndex,
  clusterVariables: unknown[],
): NodePool {
  const name = stringAt(worker, 'name') ?? '';
  const overrides = arrayAt(worker, 'variables', 'overrides');
  const namespace = cluster.metadata.namespace ?? '';
  const md = index.deployment(namespace, cluster.metadata.name, name);
  const desiredReplicas =
    numberAt(worker, 'replicas') ?? numberAt(md, 'spec', 'replicas') ?? 0;
  return assignDefined<NodePool>(
    {
      name,
      desiredReplicas,
      ...deploymentStatus(md),
      machines: index
        .machinesOf(namespace, cluster.metadata.name, name)
        .map(toNodePoolMachine),
    },
    {
      class: stringAt(worker, 'class'),
      vmClass:
        variableValue(overrides, 'vmClass') ??
        variableValue(clusterVariables, 'vmClass'),
      storageClass:
        variableValue(overrides, 'storageClass') ??
        variableValue(clusterVariables, 'storageClass'),
    },
  );
}

/**
 * A new pool list (topology workers or TanzuKubernetesCluster nodePools) with one pool's
 * replicas changed; the same list when nothing changes. The pool must exist.
 */
export function scaleWorkers(
  workers: TopologyWorker[],
  cluster: string,
  pool: string,
  replicas: number,
): TopologyWorker[] {
  const existing = workers.find(w => w.name === pool);
  if (!existing) {
    throw new NotFoundError(
      `Node pool '${pool}' is not in the topology of cluster '${cluster}'`,
    );
  }
  if (existing.replicas === replicas) {
    return workers;
  }
  return workers.map(w => (w.name === pool ? { ...w, replicas } : w));
}

/** The topology entry for a new pool. */
export function workerEntry(
  spec: NodePoolSpec,
  defaultClass: string,
): TopologyWorker {
  const overrides = [
    ...(spec.vmClass ? [{ name: 'vmClass', value: spec.vmClass }] : []),
    ...(spec.storageClass
      ? [{ name: 'storageClass', value: spec.storageClass }]
      : []),
  ];
  return {
    class: spec.class ?? defaultClass,
    name: spec.name,
    replicas: spec.replicas,
    ...(spec.failureDomain ? { failureDomain: spec.failureDomain } : {}),
    ...(overrides.length ? { variables: { overrides } } : {}),
  };
}

/**
 * A new workers list with the pool added. Adding a pool that exists with the same class and VM
 * class changes nothing, so a retried request is harmless.
 */
export function addWorker(
  workers: TopologyWorker[],
  cluster: string,
  spec: NodePoolSpec,
): TopologyWorker[] {
  const defaultClass = stringAt(workers[0], 'class') ?? 'node-pool';
  const entry = workerEntry(spec, defaultClass);
  const existing = workers.find(w => w.name === spec.name);
  if (existing) {
    const sameClass = stringAt(existing, 'class') === entry.class;
    const existingVmClass = variableValue(
      arrayAt(existing, 'variables', 'overrides'),
      'vmClass',
    );
    if (sameClass && existingVmClass === spec.vmClass) {
      return workers;
    }
    throw new ConflictError(
      `Node pool '${spec.name}' already exists in cluster '${cluster}' with another class or VM class`,
    );
  }
  return [...workers, entry];
}

/** A new pool list without the pool; the same list when the pool is already gone. */
export function removeWorker(
  workers: TopologyWorker[],
  pool: string,
): TopologyWorker[] {
  return workers.some(w => w.name === pool)
    ? workers.filter(w => w.name !== pool)
    : workers;
}
