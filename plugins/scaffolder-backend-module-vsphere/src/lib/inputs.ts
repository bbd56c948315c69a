import { z as zod } from 'zod/v3';
import {
  MAX_NODE_POOL_REPLICAS,
  SUPERVISOR_OWNER_KEY,
} from '@backstage-vsphere/plugin-vsphere-common';

type Z = typeof zod;

/** `vcenter` and `supervisor`, which every action takes. */
export const targetInput = {
  vcenter: (z: Z) =>
    z
      .string({
        description:
          'Name of the vCenter as configured under `vsphere.vcenters`; may be omitted when only one is configured',
      })
      .optional(),
  supervisor: (z: Z) =>
    z
      .string({
        description:
          'Name (or cluster id) of the Supervisor as configured under the vCenter; may be omitted when it has only one',
      })
      .optional(),
};

/** `timeoutSeconds`, for actions that wait for readiness. */
export const waitInput = {
  timeoutSeconds: (z: Z) =>
    z
      .number({
        description:
          'How long to wait for the object to be ready before failing, in seconds (default 600; 1800 for clusters)',
      })
      .int()
      .min(1)
      .max(7200)
      .optional(),
};

/**
 * The annotation that records the owner chosen in a template on a VM or cluster; the catalog's
 * entity provider reads the same key.
 *
 * @public
 */
export const OWNER_ANNOTATION = SUPERVISOR_OWNER_KEY;

/** `owner`, recorded so the catalog entity is owned by the chosen team. */
export const ownerInput = {
  owner: (z: Z) =>
    z
      .string({
        description:
          'Entity ref of the owning group or user, e.g. `group:default/team-a` (from OwnerPicker)',
      })
      .optional(),
};

/** Replicas of a node pool. */
export const replicasSchema = (z: Z, description: string) =>
  z.number({ description }).int().min(0).max(MAX_NODE_POOL_REPLICAS);

/** Outputs every action gives: where to find the object. */
export const linkOutput = {
  vcenter: (z: Z) =>
    z.string({ description: 'The vCenter the object lives on' }),
  entityRef: (z: Z) =>
    z.string({
      description:
        'Catalog entity ref of the object, e.g. `resource:default/team-a`',
    }),
  vsphereClientUrl: (z: Z) =>
    z.string({ description: 'The object in the vSphere Client' }),
  kubectlLoginCommand: (z: Z) =>
    z.string({
      description: 'The `kubectl vsphere login` command for the namespace',
    }),
};

/** `namespace` and `cluster`, with which the node pool actions find their cluster. */
export const clusterTargetInput = {
  namespace: (z: Z) =>
    z.string({ description: 'Supervisor namespace of the cluster' }),
  cluster: (z: Z) => z.string({ description: 'Name of the workload cluster' }),
};

/** Where a node pool action worked, beside the links. */
export const nodePoolOutput = {
  namespace: (z: Z) => z.string({ description: 'Supervisor namespace' }),
  cluster: (z: Z) => z.string({ description: 'Cluster name' }),
  nodePool: (z: Z) => z.string({ description: 'Node pool name' }),
};
