import { KubeObject } from './objects';

/** Labels Cluster API and CAPV put on the VMs of a workload cluster's nodes. */
const NODE_VM_LABELS = [
  'cluster.x-k8s.io/cluster-name',
  'capv.vmware.com/cluster.name',
];

/**
 * Whether a VM Service VM is a node of a workload cluster: the one rule the entity pages, the
 * day-2 routes and the catalog share. Node VMs come and go with their node pool.
 * @public
 */
export function isClusterNodeVm(vm: KubeObject): boolean {
  const labels = vm.metadata.labels ?? {};
  return (
    NODE_VM_LABELS.some(label => label in labels) ||
    (vm.metadata.ownerReferences ?? []).some(ref => ref.kind === 'Machine')
  );
}
