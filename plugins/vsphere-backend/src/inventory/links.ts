import { VCenterConfig } from '@backstage-vsphere/plugin-vsphere-node';

/** The vSphere Client page of the Workload Management namespace. */
export function namespaceClientUrl(vcenter: VCenterConfig, namespace: string) {
  return `${vcenter.clientBaseUrl}/app/namespaces/${encodeURIComponent(
    namespace,
  )}/summary`;
}

/** What a developer types to get a kubeconfig context for the namespace. */
export function kubectlLoginCommand(supervisorUrl: string, namespace: string) {
  const server = new URL(supervisorUrl).hostname;
  return `kubectl vsphere login --server=${server} --vsphere-username <you>@vsphere.local && kubectl config use-context ${namespace}`;
}
