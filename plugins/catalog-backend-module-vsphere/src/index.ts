/**
 * Catalog module that ingests vCenter and Supervisor inventory as Resource entities.
 *
 * @packageDocumentation
 */

export { catalogModuleVsphereEntityProvider as default } from './module';
