/**
 * Catalog module that ingests vCenter and Supervisor inventory as Resource entities.
 *
 * @packageDocumentation
 */

export { catalogModuleVsphereEntityProvider as default } from './module';
export { readCatalogConfig } from './config';
export type { VsphereCatalogConfig } from './config';
// the event is defined in the common package; re-exported for apps that import it from here
export { VSPHERE_RESOURCE_CREATED_TOPIC } from '@backstage-vsphere/plugin-vsphere-common';
export type { VsphereResourceCreatedEvent } from '@backstage-vsphere/plugin-vsphere-common';
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
