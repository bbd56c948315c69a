import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: "Add a node pool with the cluster's VM class",
    example: yaml.stringify({
      steps: [
        {
          id: 'nodepool',
          action: 'vsphere:nodepool:create',
          name: 'Add node pool',
          input: {
            namespace: 'demo',
            cluster: 'demo-cluster',
            name: 'batch',
            replicas: 1,
          },
        },
      ],
    }),
  },
  {
    description: 'Add a node pool with its own VM class and storage',
    example: yaml.stringify({
      steps: [
        {
          id: 'nodepool',
          action: 'vsphere:nodepool:create',
          name: 'Add large node pool',
          input: {
            vcenter: 'testenv',
            supervisor: 'supervisor',
            namespace: 'demo',
            cluster: 'demo-cluster',
            name: 'memory',
            replicas: 1,
            vmClass: 'guaranteed-large',
            storageClass: 'k8s-gold',
            timeoutSeconds: 900,
          },
        },
      ],
    }),
  },
];
