import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { VsphereEntityService } from '../service/VsphereEntityService';
import {
  clusterSummary,
  entityRefInput,
  sourceErrors,
  summarizeCluster,
  summarizeVm,
  vmSummary,
} from './schemas';

/** `get-entity-overview`: what a catalog entity's vSphere tab shows. */
export function registerGetEntityOverviewAction(
  registry: ActionsRegistryService,
  service: VsphereEntityService,
) {
  registry.register({
    name: 'get-entity-overview',
    title: 'vSphere overview of a catalog entity',
    description:
      "What the entity's vSphere tab shows: its Supervisor namespace (status, quota), VMs with power state, workload clusters with node pools, recent events, and which clusters and VMs the caller may change.",
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z => z.object({ entityRef: entityRefInput(z) }),
      output: z =>
        z.object({
          entityRef: z.string(),
          vcenter: z.string(),
          namespace: z
            .object({ name: z.string(), configStatus: z.string() })
            .optional(),
          vms: z.array(vmSummary(z)),
          clusters: z.array(clusterSummary(z)),
          events: z.array(
            z.object({
              type: z.string(),
              reason: z.string().optional(),
              message: z.string().optional(),
              object: z.string(),
            }),
          ),
          allowed: z.object({
            scaleClusters: z.array(z.string()),
            powerVms: z.array(z.string()),
          }),
          errors: sourceErrors(z),
          fetchedAt: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      const page = await service.resolvePage(
        service.parseEntityRef(input.entityRef),
        credentials,
      );
      const overview = await service.overview(page);
      return {
        output: {
          entityRef: overview.entityRef,
          vcenter: overview.vcenter,
          namespace: overview.namespace && {
            name: overview.namespace.name,
            configStatus: overview.namespace.configStatus,
          },
          vms: overview.vms.map(summarizeVm),
          clusters: overview.clusters.map(summarizeCluster),
          events: overview.events.map(e => ({
            type: e.type,
            reason: e.reason,
            message: e.message,
            object: e.object,
          })),
          allowed: overview.allowed,
          errors: overview.errors,
          fetchedAt: overview.fetchedAt,
        },
      };
    },
  });
}
