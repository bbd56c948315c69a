import { VsphereActionOptions } from './options';
import { createVsphereClusterCreateAction } from './vsphereClusterCreate';
import { createVsphereNamespaceCreateAction } from './vsphereNamespaceCreate';
import { createVsphereNamespaceDeleteAction } from './vsphereNamespaceDelete';
import { createVsphereNamespaceUpdateAction } from './vsphereNamespaceUpdate';
import { createVsphereNodePoolCreateAction } from './vsphereNodePoolCreate';
import { createVsphereNodePoolDeleteAction } from './vsphereNodePoolDelete';
import { createVsphereNodePoolScaleAction } from './vsphereNodePoolScale';
import { createVsphereVmCreateAction } from './vsphereVmCreate';

export type { VsphereActionOptions } from './options';
export {
  VSPHERE_RESOURCE_CREATED_TOPIC,
  type VsphereResourceCreatedEvent,
} from './published';
export { OWNER_ANNOTATION } from './inputs';
export {
  createVsphereClusterCreateAction,
  createVsphereNamespaceCreateAction,
  createVsphereNamespaceDeleteAction,
  createVsphereNamespaceUpdateAction,
  createVsphereNodePoolCreateAction,
  createVsphereNodePoolDeleteAction,
  createVsphereNodePoolScaleAction,
  createVsphereVmCreateAction,
};

/**
 * Every `vsphere:*` action, built on the same clients and services.
 * @public
 */
export function createVsphereActions(options: VsphereActionOptions) {
  return [
    createVsphereNamespaceCreateAction(options),
    createVsphereNamespaceUpdateAction(options),
    createVsphereNamespaceDeleteAction(options),
    createVsphereVmCreateAction(options),
    createVsphereClusterCreateAction(options),
    createVsphereNodePoolCreateAction(options),
    createVsphereNodePoolScaleAction(options),
    createVsphereNodePoolDeleteAction(options),
  ];
}
