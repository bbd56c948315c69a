import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { VsphereEntityService } from '../service/VsphereEntityService';
import {
  clusterSummary,
  namespaceInput,
  sourceErrors,
  summarizeCluster,
  summarizeVm,
  vmSummary,
} from './schemas';

/** `list-namespace-resources`: a Supervisor namespace's VMs, clusters and node pools. */
export function registerListNamespaceResourcesAction(
  registry: ActionsRegistryService,
  service: VsphereEntityService,
) {
  registry.register({
    name: 'list-namespace-resources',
    title: "List a Supervisor namespace's VMs, clusters and node pools",
    description:
      'The VM Service VMs (power state, class, IP) and workload clusters (phase, version, node pools with desired and ready replicas) of one Supervisor namespace, as its catalog entity shows them.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: namespaceInput,
      output: z =>
        z.object({
          entityRef: z.string(),
          vms: z.array(vmSummary(z)),
          clusters: z.array(clusterSummary(z)),
          errors: sourceErrors(z),
        }),
    },
    action: async ({ input, credentials }) => {
      const page = await service.resolveNamespacePage(input, credentials);
      const overview = await service.overview(page);
      return {
        output: {
          entityRef: overview.entityRef,
          vms: overview.vms.map(summarizeVm),
          clusters: overview.clusters.map(summarizeCluster),
          errors: overview.errors,
        },
      };
    },
  });
}
