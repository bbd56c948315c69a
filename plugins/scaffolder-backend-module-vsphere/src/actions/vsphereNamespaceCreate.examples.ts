import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Create a namespace with default settings',
    example: yaml.stringify({
      steps: [
        {
          id: 'namespace',
          action: 'vsphere:namespace:create',
          name: 'Create Supervisor namespace',
          input: { name: 'team-payments' },
        },
      ],
    }),
  },
  {
    description:
      'Create a namespace for a team with storage, VM classes, an image library, limits and an owner group',
    example: yaml.stringify({
      steps: [
        {
          id: 'namespace',
          action: 'vsphere:namespace:create',
          name: 'Create Supervisor namespace',
          input: {
            vcenter: 'testenv',
            supervisor: 'supervisor',
            name: 'team-payments',
            description: 'Payments team',
            storagePolicies: [{ name: 'k8s-gold', limit: '500Gi' }],
            vmClasses: ['best-effort-small', 'best-effort-medium'],
            contentLibraries: ['tkg-images'],
            cpuLimit: '10GHz',
            memoryLimit: '64Gi',
            storageLimit: '1Ti',
            accessList: [
              {
                subjectType: 'GROUP',
                subject: 'payments',
                domain: 'vsphere.local',
                role: 'OWNER',
              },
            ],
            owner: 'group:default/team-a',
            timeoutSeconds: 300,
          },
        },
      ],
    }),
  },
];
