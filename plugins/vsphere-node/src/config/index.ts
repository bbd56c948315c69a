export { readVsphereConfig } from './readVsphereConfig';
export type { SupervisorConfig, VCenterConfig } from './types';
