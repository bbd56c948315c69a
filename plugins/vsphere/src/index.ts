/**
 * The vSphere frontend plugin: entity tab, cards and scaffolder pickers.
 *
 * The new-frontend-system plugin is the default export of `@backstage-vsphere/plugin-vsphere/alpha`.
 *
 * @packageDocumentation
 */

export {
  vspherePlugin,
  EntityVsphereContent,
  EntityVsphereNamespaceCard,
  EntityVsphereVmCard,
  EntityVsphereClusterCard,
} from './plugin';
export {
  isVsphereClusterResource,
  isVsphereNamespaceResource,
  isVsphereVmResource,
} from './conditions';
export type { VsphereEntityContentProps } from './components/VsphereEntityContent';
export type { VsphereEntityCardProps } from './components/VsphereNamespaceCard';
export * from './api';
export { isVsphereAvailable } from '@backstage-vsphere/plugin-vsphere-common';
export * from './scaffolder';
