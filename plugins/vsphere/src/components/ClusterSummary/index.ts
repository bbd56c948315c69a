export { ClusterSummary } from './ClusterSummary';
