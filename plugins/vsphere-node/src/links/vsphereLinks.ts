import { VCenterConfig } from '../config';

/**
 * The Workload Management page of a namespace in the vSphere Client.
 * @public
 */
export function namespaceClientUrl(
  vcenter: Pick<VCenterConfig, 'clientBaseUrl'>,
  namespace: string,
) {
  return `${vcenter.clientBaseUrl}/app/namespaces/${encodeURIComponent(
    namespace,
  )}/summary`;
}

/**
 * A VM's summary in the vSphere Client by managed object id, or its namespace's until it has one.
 * @public
 */
export function vmClientUrl(
  vcenter: Pick<VCenterConfig, 'clientBaseUrl'>,
  namespace: string,
  moref?: string,
) {
  return moref
    ? `${
        vcenter.clientBaseUrl
      }/app/vm;nav=v/urn:vmomi:VirtualMachine:${encodeURIComponent(
        moref,
      )}/summary`
    : namespaceClientUrl(vcenter, namespace);
}

/**
 * What a developer runs for a kubeconfig context of the namespace, or of one of its clusters.
 * Shared by the entity pages and the scaffolder outputs so both show the same command.
 * @public
 */
export function kubectlLoginCommand(
  supervisorUrl: string,
  namespace: string,
  cluster?: string,
) {
  const server = new URL(supervisorUrl).hostname;
  const login = `kubectl vsphere login --server=${server} --vsphere-username <you>@vsphere.local`;
  return cluster
    ? `${login} --tanzu-kubernetes-cluster-namespace ${namespace} --tanzu-kubernetes-cluster-name ${cluster} && kubectl config use-context ${cluster}`
    : `${login} && kubectl config use-context ${namespace}`;
}
