import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Create a cluster with one node pool',
    example: yaml.stringify({
      steps: [
        {
          id: 'cluster',
          action: 'vsphere:cluster:create',
          name: 'Create workload cluster',
          input: {
            namespace: 'demo',
            name: 'payments',
            version: 'v1.33.3+vmware.1-fips',
            vmClass: 'best-effort-small',
            storageClass: 'vsan-default-storage-policy',
            nodePools: [{ name: 'workers', replicas: 2 }],
          },
        },
      ],
    }),
  },
  {
    description:
      'Create a cluster with three control plane nodes, two node pools and an owner for the catalog',
    example: yaml.stringify({
      steps: [
        {
          id: 'cluster',
          action: 'vsphere:cluster:create',
          name: 'Create workload cluster',
          input: {
            vcenter: 'testenv',
            supervisor: 'supervisor',
            namespace: 'demo',
            name: 'payments',
            version: 'v1.33.3+vmware.1-fips',
            clusterClass: 'tanzukubernetescluster',
            controlPlaneReplicas: 3,
            vmClass: 'best-effort-medium',
            storageClass: 'vsan-default-storage-policy',
            nodePools: [
              { name: 'general', replicas: 2 },
              {
                name: 'memory',
                replicas: 1,
                vmClass: 'guaranteed-large',
                storageClass: 'k8s-gold',
              },
            ],
            labels: { app: 'payments' },
            owner: 'group:default/team-a',
            timeoutSeconds: 1200,
          },
        },
      ],
    }),
  },
];
