export { chooseVCenter } from './chooseVCenter';
export type { VCenterChoiceMessages } from './chooseVCenter';
export { readVsphereConfig } from './readVsphereConfig';
export { readWorkloadClusters } from './readWorkloadClusters';
export type { WorkloadClusterAccess } from './readWorkloadClusters';
export type { SupervisorConfig, VCenterConfig } from './types';
