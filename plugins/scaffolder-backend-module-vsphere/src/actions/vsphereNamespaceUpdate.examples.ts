import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Give a namespace another VM class and the image library',
    example: yaml.stringify({
      steps: [
        {
          id: 'update',
          action: 'vsphere:namespace:update',
          name: 'Update Supervisor namespace',
          input: {
            name: 'team-payments',
            vmClasses: ['best-effort-small', 'guaranteed-large'],
            contentLibraries: ['tkg-images'],
          },
        },
      ],
    }),
  },
  {
    description: 'Raise the limits of a namespace',
    example: yaml.stringify({
      steps: [
        {
          id: 'update',
          action: 'vsphere:namespace:update',
          name: 'Raise namespace limits',
          input: {
            vcenter: 'testenv',
            name: 'team-payments',
            cpuLimit: '20GHz',
            memoryLimit: '128Gi',
            storagePolicies: [{ name: 'k8s-gold', limit: '1Ti' }],
          },
        },
      ],
    }),
  },
];
