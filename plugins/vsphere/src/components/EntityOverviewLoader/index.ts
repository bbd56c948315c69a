export { EntityOverviewLoader } from './EntityOverviewLoader';
export type { EntityOverviewLoaderProps } from './EntityOverviewLoader';
