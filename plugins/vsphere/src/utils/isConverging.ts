import { EntityOverview } from '@backstage-vsphere/plugin-vsphere-common';

/** True while a node pool or a VM has not yet reached what its spec asks for. */
export function isConverging(overview: EntityOverview): boolean {
  const poolsMoving = overview.clusters.some(cluster =>
    cluster.nodePools.some(pool => pool.desiredReplicas !== pool.readyReplicas),
  );
  const vmsMoving = overview.vms.some(
    vm =>
      vm.desiredPowerState !== undefined &&
      vm.powerState !== undefined &&
      vm.desiredPowerState.toLowerCase() !== vm.powerState.toLowerCase(),
  );
  return poolsMoving || vmsMoving;
}
