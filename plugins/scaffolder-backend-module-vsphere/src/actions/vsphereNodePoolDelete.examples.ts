import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Remove a node pool and its nodes',
    example: yaml.stringify({
      steps: [
        {
          id: 'delete',
          action: 'vsphere:nodepool:delete',
          name: 'Remove node pool',
          input: {
            namespace: 'demo',
            cluster: 'demo-cluster',
            name: 'batch',
          },
        },
      ],
    }),
  },
];
