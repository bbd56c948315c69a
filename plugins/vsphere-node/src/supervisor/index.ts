export { SupervisorClient } from './SupervisorClient';
export type {
  SupervisorApplyOptions,
  SupervisorCallOptions,
  SupervisorClientOptions,
} from './SupervisorClient';
export { selectApiVersions } from './apiVersions';
export type {
  ServedGroup,
  SupervisorApiVersions,
  SupervisorVersionPreferences,
} from './apiVersions';
export { buildWorkloadClusters, toWorkloadCluster } from './clusters';
export type { ClusterSpec } from './clusters';
export { joinClusterMachines, joinVmServiceVms, providerUuid } from './joins';
export {
  toSupervisorEvent,
  toSupervisorKubernetesNamespace,
  toSupervisorLimitRange,
  toSupervisorResourceQuota,
} from './namespaces';
export type { NodePoolIndex, NodePoolSpec } from './nodePools';
export type { KubeObject, KubeObjectList } from './objects';
export type { SupervisorReadOptions } from './resourceApi';
export type { SupervisorApiGroup, SupervisorResource } from './resources';
export { toTanzuWorkloadCluster } from './tkc';
export { supportsVmSize, toVmServiceVm } from './virtualMachines';
export { isClusterNodeVm } from './clusterNodes';
export type { VirtualMachineSpec } from './virtualMachines';
export { toVmServiceImage } from './vmImages';
export { toVmServiceVmClass } from './vmClasses';
export type {
  SupervisorWatch,
  SupervisorWatchEvent,
  SupervisorWatchOptions,
} from './watch';
export {
  MAX_VERSION_LABEL,
  MIN_VERSION_LABEL,
  clusterClassVersionRange,
  describeVersionRange,
  isVersionInRange,
  kubernetesVersionOfImage,
  kubernetesVersionsInRange,
} from './kubernetesVersions';
export type { KubernetesVersionRange } from './kubernetesVersions';
