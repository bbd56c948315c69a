import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Delete an empty namespace',
    example: yaml.stringify({
      steps: [
        {
          id: 'delete',
          action: 'vsphere:namespace:delete',
          name: 'Delete Supervisor namespace',
          input: { name: 'team-payments' },
        },
      ],
    }),
  },
  {
    description: 'Delete a namespace with everything in it',
    example: yaml.stringify({
      steps: [
        {
          id: 'delete',
          action: 'vsphere:namespace:delete',
          name: 'Delete Supervisor namespace and its VMs',
          input: {
            vcenter: 'testenv',
            name: 'team-payments',
            force: true,
            timeoutSeconds: 300,
          },
        },
      ],
    }),
  },
];
