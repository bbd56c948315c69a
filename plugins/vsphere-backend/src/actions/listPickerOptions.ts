import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { PickerKind } from '@backstage-vsphere/plugin-vsphere-common';
import { VsphereEntityService } from '../service/VsphereEntityService';
import { dnsLabel, dnsSubdomain } from './schemas';

const KINDS: [PickerKind, ...PickerKind[]] = [
  'vcenters',
  'supervisors',
  'namespaces',
  'storage-policies',
  'vm-classes',
  'images',
  'content-libraries',
  'clusters',
  'node-pools',
  'kubernetes-versions',
  'zones',
];

/** `list-picker-options`: the values the templates' pickers offer. */
export function registerListPickerOptionsAction(
  registry: ActionsRegistryService,
  service: VsphereEntityService,
) {
  registry.register({
    name: 'list-picker-options',
    title: 'List vSphere options for templates',
    description:
      'The vCenters, Supervisors, namespaces, storage policies, VM classes, images, content libraries, clusters, node pools, zones or Kubernetes versions that the software templates accept, narrowed by vCenter, Supervisor, namespace and cluster.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          kind: z.enum(KINDS).describe('Which list'),
          vcenter: dnsLabel(z, 'vCenter name').optional(),
          supervisor: dnsLabel(z, 'Supervisor name').optional(),
          namespace: dnsLabel(z, 'Supervisor namespace').optional(),
          cluster: dnsLabel(
            z,
            'Workload cluster, for the node-pools list',
          ).optional(),
          clusterClass: dnsSubdomain(
            z,
            'ClusterClass whose supported range narrows the kubernetes-versions list (default tanzukubernetescluster)',
          ).optional(),
        }),
      output: z =>
        z.object({
          items: z.array(
            z.object({
              value: z.string(),
              label: z.string(),
              description: z.string().optional(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await service.requireOptionsRead(credentials);
      const { kind, ...query } = input;
      return { output: { items: await service.listOptions(kind, query) } };
    },
  });
}
