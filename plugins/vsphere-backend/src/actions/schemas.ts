import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { z as zod } from 'zod/v3';
import {
  VmServiceVm,
  WorkloadCluster,
} from '@backstage-vsphere/plugin-vsphere-common';

type Z = typeof zod;

/** A DNS-1123 label, as vCenter and Kubernetes name namespaces, clusters and pools. */
export const dnsLabel = (z: Z, description: string) =>
  z
    .string()
    .max(63)
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, {
      message:
        "not a DNS-1123 label: use lower-case letters, digits and '-', starting and ending with a letter or digit",
    })
    .describe(description);

/** A DNS-1123 subdomain, as Kubernetes names most objects (e.g. ClusterClass `builtin-generic-v3.4.0`). */
export const dnsSubdomain = (z: Z, description: string) =>
  z
    .string()
    .max(253)
    .regex(
      /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
      {
        message:
          "not a DNS-1123 subdomain: use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit",
      },
    )
    .describe(description);

/** Where a namespace-level action reads: a vCenter (optional with one) and a namespace. */
export const namespaceInput = (z: Z) =>
  z.object({
    vcenter: dnsLabel(
      z,
      'Name of the vCenter as configured; may be omitted when only one is configured',
    ).optional(),
    namespace: dnsLabel(z, 'Supervisor namespace, e.g. `demo`'),
  });

/** The catalog entity whose vSphere tab an action reads or acts through. */
export const entityRefInput = (z: Z) =>
  z
    .string()
    .min(1)
    .describe(
      'Entity ref of a catalog entity with vSphere annotations, e.g. `component:default/payments` or `resource:default/demo`',
    );

/** A VM's power state and where it runs. */
export const vmSummary = (z: Z) =>
  z.object({
    name: z.string(),
    powerState: z.string().optional(),
    className: z.string().optional(),
    ipAddress: z.string().optional(),
    clusterNode: z
      .boolean()
      .describe('A node of a workload cluster: scale its pool instead'),
  });

/** A cluster with the state of each node pool. */
export const clusterSummary = (z: Z) =>
  z.object({
    name: z.string(),
    phase: z.string().optional(),
    version: z.string().optional(),
    nodePools: z.array(
      z.object({
        name: z.string(),
        desiredReplicas: z.number(),
        readyReplicas: z.number(),
        vmClass: z.string().optional(),
      }),
    ),
  });

/** The source errors of a partial read: one unreachable upstream never blanks the answer. */
export const sourceErrors = (z: Z) =>
  z.array(
    z.object({ source: z.string(), name: z.string(), message: z.string() }),
  );

/**
 * Changes through the registry need a user's credentials: a caller with a static token reaches
 * this plugin as the mcp-actions plugin, and Backstage allows a plugin every permission.
 */
export function requireUser(credentials: BackstageCredentials, what: string) {
  if ((credentials.principal as { type?: string }).type !== 'user') {
    throw new NotAllowedError(
      `Not allowed to ${what}: changes need a signed-in user's credentials, so that the permission policy decides on the user`,
    );
  }
}

/** What an agent needs of a VM, without conditions and vCenter internals. */
export function summarizeVm(vm: VmServiceVm) {
  return {
    name: vm.name,
    powerState: vm.powerState,
    className: vm.className,
    ipAddress: vm.primaryIP4,
    clusterNode: vm.clusterNode ?? false,
  };
}

/** A cluster and the desired and ready replicas of each node pool. */
export function summarizeCluster(cluster: WorkloadCluster) {
  return {
    name: cluster.name,
    phase: cluster.phase,
    version: cluster.version,
    nodePools: cluster.nodePools.map(p => ({
      name: p.name,
      desiredReplicas: p.desiredReplicas,
      readyReplicas: p.readyReplicas,
      vmClass: p.vmClass,
    })),
  };
}
