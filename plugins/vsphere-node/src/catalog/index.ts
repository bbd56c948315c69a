export { toEntityName } from './toEntityName';
