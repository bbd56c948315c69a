export { vsphereApiRef } from './VsphereApi';
export type {
  ListOptionsQuery,
  PowerVmRequest,
  ScaleNodePoolRequest,
  VCenterSummary,
  VsphereApi,
  VsphereEntityRef,
} from './VsphereApi';
export { VsphereClient } from './VsphereClient';
