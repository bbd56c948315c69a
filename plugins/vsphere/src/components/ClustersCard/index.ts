export { ClustersCard } from './ClustersCard';
export type { ClustersCardProps } from './ClustersCard';
