import { z as zod } from 'zod/v3';
import {
  MAX_NODE_POOL_REPLICAS,
  NodePool,
} from '@backstage-vsphere/plugin-vsphere-common';
import { NodePoolSpec } from '@backstage-vsphere/plugin-vsphere-node';
import { replicasSchema } from './inputs';
import { checkDnsLabel } from './names';
import { NamespaceOptions } from './namespaceOptions';
import { InputProblems } from './problems';

type Z = typeof zod;

/** A node pool as a template asks for it. */
export interface NodePoolInput {
  name: string;
  replicas: number;
  vmClass?: string;
  storageClass?: string;
  failureDomain?: string;
}

/** The schema of one node pool, shared by cluster and node pool creation. */
export const nodePoolFields = {
  name: (z: Z) =>
    z.string({
      description: 'Node pool name: a DNS-1123 label, unique in the cluster',
    }),
  replicas: (z: Z) =>
    replicasSchema(z, `Number of nodes, 0 to ${MAX_NODE_POOL_REPLICAS}`),
  vmClass: (z: Z) =>
    z
      .string({
        description: "VM class of the nodes; the cluster's when omitted",
      })
      .optional(),
  storageClass: (z: Z) =>
    z
      .string({
        description:
          "Storage class of the nodes' disks; the cluster's when omitted",
      })
      .optional(),
  failureDomain: (z: Z) =>
    z
      .string({
        description:
          "vSphere zone to place the nodes in, e.g. `zone-a`; one of the namespace's zones",
      })
      .optional(),
};

/**
 * Checks the name (the schema bounds the replicas), and resolves the classes against the namespace. `prefix` leads
 * each field name, e.g. `nodePools[0].`.
 */
export async function resolveNodePool(
  prefix: string,
  pool: NodePoolInput,
  live: NamespaceOptions | undefined,
  problems: InputProblems,
): Promise<NodePoolSpec> {
  problems.check(() => checkDnsLabel(`${prefix}name`, pool.name));
  const spec: NodePoolSpec = { name: pool.name, replicas: pool.replicas };
  const { vmClass, storageClass, failureDomain } = pool;
  if (live && vmClass) {
    spec.vmClass = await problems.checkAsync(() =>
      live.vmClass(`${prefix}vmClass`, vmClass),
    );
  }
  if (live && storageClass) {
    spec.storageClass = await problems.checkAsync(() =>
      live.storageClass(`${prefix}storageClass`, storageClass),
    );
  }
  if (live && failureDomain) {
    spec.failureDomain = await problems.checkAsync(() =>
      live.zone(`${prefix}failureDomain`, failureDomain),
    );
  }
  return spec;
}

/**
 * The fields of an existing pool that differ from the asked one; classes left out of the ask
 * are the cluster's, given as `defaults`.
 */
export function poolDifferences(
  existing: NodePool,
  wanted: NodePoolSpec,
  defaults: { vmClass?: string; storageClass?: string } = {},
): string[] {
  const vmClass = wanted.vmClass ?? defaults.vmClass;
  const storageClass = wanted.storageClass ?? defaults.storageClass;
  return [
    existing.desiredReplicas !== wanted.replicas && 'replicas',
    vmClass !== undefined && existing.vmClass !== vmClass && 'vmClass',
    storageClass !== undefined &&
      existing.storageClass !== storageClass &&
      'storageClass',
  ].filter((f): f is string => Boolean(f));
}
