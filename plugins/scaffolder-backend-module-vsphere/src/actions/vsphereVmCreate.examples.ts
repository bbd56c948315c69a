import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Create a VM from an image in a namespace',
    example: yaml.stringify({
      steps: [
        {
          id: 'vm',
          action: 'vsphere:vm:create',
          name: 'Create virtual machine',
          input: {
            namespace: 'demo',
            name: 'payments-db',
            className: 'best-effort-small',
            imageName: 'ubuntu-2204-kube-v1.33',
          },
        },
      ],
    }),
  },
  {
    description:
      'Create a VM with a storage policy, labels, an SSH key and an owner for the catalog',
    example: yaml.stringify({
      steps: [
        {
          id: 'vm',
          action: 'vsphere:vm:create',
          name: 'Create virtual machine',
          input: {
            vcenter: 'testenv',
            supervisor: 'supervisor',
            namespace: 'demo',
            name: 'payments-worker',
            className: 'best-effort-medium',
            imageName: 'ubuntu-2204-kube-v1.33',
            storageClass: 'k8s-gold',
            labels: { app: 'payments', tier: 'worker' },
            sshAuthorizedKeys: [
              'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGV4YW1wbGVrZXlmb3Jkb2NzAAAAAAAAAAAAAAAAAA payments@example.com',
            ],
            owner: 'group:default/team-a',
            timeoutSeconds: 300,
          },
        },
      ],
    }),
  },
];
