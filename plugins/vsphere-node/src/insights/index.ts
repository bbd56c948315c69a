export { supervisorCapacity } from './capacity';
export { clusterPlacements } from './placement';
export { monitoringLinksFor, readMonitoringLinks } from './monitoringLinks';
export type { MonitoringLinkTemplate } from './monitoringLinks';
export { checkNamespaceLimitsFit, checkVmFit, mhzPerCore } from './fit';
export type { FitAsk, FitResult } from './fit';
export { readSupervisorCapacity } from './readCapacity';
