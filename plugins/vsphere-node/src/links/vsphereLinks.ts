import { checkDnsLabel } from '../validation';
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

/** A word the shell takes as it is; anything else is single-quoted. */
function shellWord(value: string): string {
  return /^[A-Za-z0-9._@%+=:,/-]+$/.test(value)
    ? value
    : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * What a developer runs for a kubeconfig context of the namespace, or of one of its clusters.
 * Shared by the entity pages and the scaffolder outputs so both show the same command; built only
 * from validated names and quoted for a shell, so a copied command runs nothing else.
 * @public
 */
export function kubectlLoginCommand(
  supervisorUrl: string,
  namespace: string,
  cluster?: string,
) {
  checkDnsLabel('namespace', namespace);
  if (cluster !== undefined) checkDnsLabel('cluster', cluster);
  const server = shellWord(new URL(supervisorUrl).hostname);
  const login = `kubectl vsphere login --server=${server} --vsphere-username YOUR-NAME@vsphere.local`;
  return cluster
    ? `${login} --tanzu-kubernetes-cluster-namespace ${namespace} --tanzu-kubernetes-cluster-name ${cluster} && kubectl config use-context ${cluster}`
    : `${login} && kubectl config use-context ${namespace}`;
}
