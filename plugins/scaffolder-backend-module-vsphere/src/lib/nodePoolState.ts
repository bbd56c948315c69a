import { LoggerService } from '@backstage/backend-plugin-api';
import { SupervisorClient } from '@backstage-vsphere/plugin-vsphere-node';
import { waitFor } from './waitFor';

/** Labels Cluster API puts on a topology's MachineDeployments and Machines. */
const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';
const TOPOLOGY_POOL_LABEL = 'topology.cluster.x-k8s.io/deployment-name';

/** Waits until the pool's MachineDeployment and Machines are gone. */
export function waitForNodePoolGone(options: {
  supervisor: SupervisorClient;
  namespace: string;
  cluster: string;
  pool: string;
  timeoutMs: number;
  intervalMs: number;
  logger: LoggerService;
  signal?: AbortSignal;
}): Promise<void> {
  const { supervisor, namespace, cluster, pool } = options;
  const labelSelector = `${CLUSTER_NAME_LABEL}=${cluster},${TOPOLOGY_POOL_LABEL}=${pool}`;
  return waitFor({
    ...options,
    what: `node pool '${pool}' of cluster '${cluster}' to be removed`,
    observe: async signal => {
      const [deployments, machines] = await Promise.all([
        supervisor.list('MachineDeployment', {
          namespace,
          labelSelector,
          signal,
        }),
        supervisor.list('Machine', { namespace, labelSelector, signal }),
      ]);
      return {
        state: `Node pool '${pool}': ${deployments.length} MachineDeployment(s), ${machines.length} Machine(s) left`,
        done: deployments.length === 0 && machines.length === 0,
        value: undefined,
      };
    },
  });
}
