export { supervisorCapacity } from './capacity';
export { clusterPlacements } from './placement';
