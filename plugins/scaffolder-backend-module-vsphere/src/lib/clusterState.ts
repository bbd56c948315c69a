import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  NodePool,
  WorkloadCluster,
} from '@backstage-vsphere/plugin-vsphere-common';
import { SupervisorClient } from '@backstage-vsphere/plugin-vsphere-node';
import { waitFor } from './waitFor';

/** The cluster with its node pools, or undefined when there is none. */
export async function findCluster(
  supervisor: SupervisorClient,
  namespace: string,
  name: string,
  signal?: AbortSignal,
): Promise<WorkloadCluster | undefined> {
  try {
    return await supervisor.getWorkloadCluster(namespace, name, { signal });
  } catch (error) {
    if (error instanceof NotFoundError) {
      return undefined;
    }
    throw error;
  }
}

/** Ready: as many ready and running machines as asked for, and no more. */
export function isPoolReady(pool: NodePool): boolean {
  return (
    pool.readyReplicas === pool.desiredReplicas &&
    (pool.replicas ?? pool.readyReplicas) === pool.desiredReplicas
  );
}

/** `np-1 1/2 ready` for the task log. */
export function describePool(pool: NodePool): string {
  return `${pool.name} ${pool.readyReplicas}/${pool.desiredReplicas} ready`;
}

interface WaitCommon {
  supervisor: SupervisorClient;
  namespace: string;
  cluster: string;
  timeoutMs: number;
  intervalMs: number;
  logger: LoggerService;
  signal?: AbortSignal;
}

/** Waits until the control plane is ready and every node pool has its ready replicas. */
export function waitForCluster(options: WaitCommon): Promise<WorkloadCluster> {
  const { supervisor, namespace, cluster } = options;
  return waitFor({
    ...options,
    what: `cluster '${cluster}' and its node pools to be ready`,
    observe: async signal => {
      const found = await supervisor.getWorkloadCluster(namespace, cluster, {
        signal,
      });
      const pools = found.nodePools.map(describePool).join(', ');
      return {
        state: `Cluster '${cluster}': phase ${
          found.phase ?? 'unknown'
        }, control plane ${found.controlPlaneReady ? 'ready' : 'not ready'}; ${
          pools || 'no node pools'
        }`,
        done:
          found.controlPlaneReady === true &&
          found.nodePools.every(isPoolReady),
        failed:
          found.phase === 'Failed' ? 'the cluster phase is Failed' : undefined,
        value: found,
      };
    },
  });
}

/** Waits until one node pool has exactly its desired replicas ready. */
export function waitForNodePool(
  options: WaitCommon & { pool: string },
): Promise<NodePool> {
  const { supervisor, namespace, cluster, pool } = options;
  return waitFor({
    ...options,
    what: `node pool '${pool}' of cluster '${cluster}' to be ready`,
    observe: async signal => {
      const found = await supervisor.getWorkloadCluster(namespace, cluster, {
        signal,
      });
      const current = found.nodePools.find(p => p.name === pool);
      if (!current) {
        throw new NotFoundError(
          `Node pool '${pool}' is not in cluster '${cluster}'`,
        );
      }
      return {
        state: `Node pool '${pool}': ${current.readyReplicas} of ${
          current.desiredReplicas
        } replicas ready${current.phase ? `, phase ${current.phase}` : ''}`,
        done: isPoolReady(current),
        value: current,
      };
    },
  });
}
