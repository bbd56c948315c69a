import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { MAX_NODE_POOL_REPLICAS } from '@backstage-vsphere/plugin-vsphere-common';
import { VsphereEntityService } from '../service/VsphereEntityService';
import {
  clusterSummary,
  dnsLabel,
  entityRefInput,
  requireUser,
  summarizeCluster,
} from './schemas';

/** `scale-node-pool`: sets a node pool's replicas, as the vSphere tab's scale button does. */
export function registerScaleNodePoolAction(
  registry: ActionsRegistryService,
  service: VsphereEntityService,
) {
  registry.register({
    name: 'scale-node-pool',
    title: 'Scale a node pool of a workload cluster',
    description: `Sets the desired replicas (0 to ${MAX_NODE_POOL_REPLICAS}) of a node pool in the cluster's topology. The cluster must be shown by the given entity's vSphere tab, and the caller needs the scale permission on the cluster's own catalog entity. Scaling down removes nodes.`,
    // fewer replicas remove nodes; the same replicas twice end in the same state
    attributes: { readOnly: false, destructive: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z),
          cluster: dnsLabel(z, 'Workload cluster name'),
          nodePool: dnsLabel(z, 'Node pool name'),
          replicas: z
            .number()
            .int()
            .min(0)
            .max(MAX_NODE_POOL_REPLICAS)
            .describe('Desired number of nodes'),
        }),
      output: z => z.object({ cluster: clusterSummary(z) }),
    },
    action: async ({ input, credentials }) => {
      const { entityRef, ...change } = input;
      requireUser(
        credentials,
        `scale node pool '${change.nodePool}' of cluster '${change.cluster}'`,
      );
      const page = await service.resolvePage(
        service.parseEntityRef(entityRef),
        credentials,
      );
      const cluster = await service.scaleNodePool(page, change);
      return { output: { cluster: summarizeCluster(cluster) } };
    },
  });
}
