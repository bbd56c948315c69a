import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { VsphereEntityService } from '../service/VsphereEntityService';
import { namespaceInput, sourceErrors } from './schemas';

/** `get-namespace-quota`: what a namespace may use and what it uses. */
export function registerGetNamespaceQuotaAction(
  registry: ActionsRegistryService,
  service: VsphereEntityService,
) {
  registry.register({
    name: 'get-namespace-quota',
    title: 'Quota and capacity of a Supervisor namespace',
    description:
      "CPU (MHz), memory and storage (MiB) used against the namespace's limits (no limit means unlimited), its storage policies and VM classes, the Kubernetes ResourceQuotas' hard and used values, and the LimitRanges' defaults and bounds per container, pod or claim.",
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: namespaceInput,
      output: z => {
        const usage = z.object({
          used: z.number().optional(),
          limit: z.number().optional(),
          unit: z.enum(['MHz', 'MiB']),
        });
        return z.object({
          namespace: z.string(),
          configStatus: z.string().optional(),
          quota: z
            .object({ cpu: usage, memory: usage, storage: usage })
            .optional(),
          storagePolicies: z.array(
            z.object({
              name: z.string().optional(),
              limitMiB: z.number().optional(),
            }),
          ),
          vmClasses: z.array(z.string()),
          resourceQuotas: z.array(
            z.object({
              name: z.string(),
              hard: z.record(z.string()),
              used: z.record(z.string()),
            }),
          ),
          limitRanges: z.array(
            z.object({
              name: z.string(),
              limits: z.array(
                z.object({
                  type: z.string(),
                  default: z.record(z.string()),
                  defaultRequest: z.record(z.string()),
                  min: z.record(z.string()),
                  max: z.record(z.string()),
                  maxLimitRequestRatio: z.record(z.string()),
                }),
              ),
            }),
          ),
          errors: sourceErrors(z),
        });
      },
    },
    action: async ({ input, credentials }) => {
      const page = await service.resolveNamespacePage(input, credentials);
      const { namespace, errors } = await service.overview(page);
      return {
        output: {
          namespace: page.target.namespace,
          configStatus: namespace?.configStatus,
          quota: namespace?.quota,
          storagePolicies: (namespace?.storagePolicies ?? []).map(p => ({
            name: p.name,
            limitMiB: p.limitMiB,
          })),
          vmClasses: namespace?.vmClasses ?? [],
          resourceQuotas: namespace?.resourceQuotas ?? [],
          limitRanges: namespace?.limitRanges ?? [],
          errors,
        },
      };
    },
  });
}
