import { WorkloadCluster } from '@backstage-vsphere/plugin-vsphere-common';
import { VsphereClients } from '@backstage-vsphere/plugin-vsphere-node';
import { checkDnsLabel } from './names';
import { NamespaceOptions } from './namespaceOptions';
import { InputProblems } from './problems';
import { SupervisorTarget, resolveSupervisor } from './target';

/** The inputs every node pool action takes to find its cluster. */
export interface NodePoolTargetInput {
  vcenter?: string;
  supervisor?: string;
  namespace: string;
  cluster: string;
}

/** What the node pool actions work on, resolved and checked. */
export interface NodePoolTarget extends SupervisorTarget {
  cluster: WorkloadCluster;
  live: NamespaceOptions;
}

/**
 * Checks the namespace name and resolves vCenter, Supervisor, namespace and cluster; problems are
 * recorded, and the target is undefined when any part is missing.
 */
export async function resolveNodePoolTarget(
  clients: VsphereClients,
  input: NodePoolTargetInput,
  problems: InputProblems,
  signal?: AbortSignal,
): Promise<NodePoolTarget | undefined> {
  const namespaceValid = problems.check(() =>
    checkDnsLabel('namespace', input.namespace),
  );
  const clusterValid = problems.check(() =>
    checkDnsLabel('cluster', input.cluster),
  );
  const target = problems.check(() =>
    resolveSupervisor(clients, input.vcenter, input.supervisor),
  );
  if (!target || !namespaceValid || !clusterValid) {
    return undefined;
  }
  const live = new NamespaceOptions(target, input.namespace, signal);
  if (!(await problems.checkAsync(() => live.checkNamespace()))) {
    return undefined;
  }
  const cluster = await problems.checkAsync(() =>
    live.cluster('cluster', input.cluster),
  );
  return cluster ? { ...target, cluster, live } : undefined;
}
