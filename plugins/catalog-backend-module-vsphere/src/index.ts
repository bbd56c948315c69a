/**
 * Catalog module that ingests vCenter and Supervisor inventory as Resource entities.
 *
 * @packageDocumentation
 */

export { catalogModuleVsphereEntityProvider as default } from './module';
export { readCatalogConfig } from './config';
export type { VsphereCatalogConfig } from './config';
export { VSPHERE_RESOURCE_CREATED_TOPIC } from './events';
export type { VsphereResourceCreatedEvent } from './events';
export type {
  SupervisorSource,
  VcenterSource,
  VcenterSources,
} from './inventory/sources';
export { VsphereEntityProvider } from './provider/VsphereEntityProvider';
export type {
  VsphereEntityProviderOptions,
  VsphereRefreshResult,
} from './provider/VsphereEntityProvider';
