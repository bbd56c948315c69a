export * from './testenv';
export { testenvGovc, testenvKubectl, testenvPid } from './cli';
export { ingestedEntityFor, objectOfTestenvRef } from './ingestedEntities';
export type { VsphereObjectIdentity } from '../catalog';
