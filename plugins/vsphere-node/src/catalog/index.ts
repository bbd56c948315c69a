export { catalogNamePrefix, toEntityName } from './toEntityName';
