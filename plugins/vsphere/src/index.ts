/**
 * The vSphere frontend plugin: entity tab, cards and scaffolder pickers.
 *
 * The new-frontend-system plugin is the default export of `@backstage-vsphere/plugin-vsphere/alpha`.
 *
 * @packageDocumentation
 */

export { vspherePlugin, EntityVsphereContent } from './plugin';
export * from './api';
export { isVsphereAvailable } from '@backstage-vsphere/plugin-vsphere-common';
