export { readVsphereConfig } from './readVsphereConfig';
export { readWorkloadClusters } from './readWorkloadClusters';
export type { WorkloadClusterAccess } from './readWorkloadClusters';
export type { SupervisorConfig, VCenterConfig } from './types';
