import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Scale a node pool to three nodes',
    example: yaml.stringify({
      steps: [
        {
          id: 'scale',
          action: 'vsphere:nodepool:scale',
          name: 'Scale node pool',
          input: {
            namespace: 'demo',
            cluster: 'demo-cluster',
            name: 'np-small',
            replicas: 3,
          },
        },
      ],
    }),
  },
  {
    description: 'Scale a node pool to zero, waiting at most five minutes',
    example: yaml.stringify({
      steps: [
        {
          id: 'scale',
          action: 'vsphere:nodepool:scale',
          name: 'Scale node pool down',
          input: {
            vcenter: 'testenv',
            supervisor: 'supervisor',
            namespace: 'demo',
            cluster: 'demo-cluster',
            name: 'np-small',
            replicas: 0,
            timeoutSeconds: 300,
          },
        },
      ],
    }),
  },
];
