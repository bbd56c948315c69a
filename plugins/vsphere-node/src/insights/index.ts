export { supervisorCapacity } from './capacity';
export { clusterPlacements } from './placement';
export { monitoringLinksFor, readMonitoringLinks } from './monitoringLinks';
export type { MonitoringLinkTemplate } from './monitoringLinks';
