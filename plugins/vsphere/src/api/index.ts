export { vsphereApiRef } from './VsphereApi';
export type { VCenterSummary, VsphereApi } from './VsphereApi';
export { VsphereClient } from './VsphereClient';
