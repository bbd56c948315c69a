export * from './testenv';
export { ingestedEntityFor, objectOfTestenvRef } from './ingestedEntities';
export type { VsphereObjectIdentity } from '../catalog';
