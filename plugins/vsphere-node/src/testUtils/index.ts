export * from './testenv';
export { ingestedEntityFor, objectOfTestenvRef } from './ingestedEntities';
