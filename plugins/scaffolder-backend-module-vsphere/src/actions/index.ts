import { withNotifications } from '../notifications';
import { VsphereActionOptions } from '../lib/options';
import { createVsphereClusterCreateAction } from './vsphereClusterCreate';
import { createVsphereNamespaceCreateAction } from './vsphereNamespaceCreate';
import { createVsphereNamespaceDeleteAction } from './vsphereNamespaceDelete';
import { createVsphereNamespaceUpdateAction } from './vsphereNamespaceUpdate';
import { createVsphereNodePoolCreateAction } from './vsphereNodePoolCreate';
import { createVsphereNodePoolDeleteAction } from './vsphereNodePoolDelete';
import { createVsphereNodePoolScaleAction } from './vsphereNodePoolScale';
import { createVsphereVmCreateAction } from './vsphereVmCreate';

export type { VsphereActionOptions } from '../lib/options';
// the event is defined in the common package; re-exported for apps that import it from here
export {
  VSPHERE_RESOURCE_CREATED_TOPIC,
  type VsphereResourceCreatedEvent,
} from '@backstage-vsphere/plugin-vsphere-common';
export { OWNER_ANNOTATION } from '../lib/inputs';
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
 * Every `vsphere:*` action, built on the same clients and services; each notifies how its run
 * ended when `options.notifier` is set.
 * @public
 */
export function createVsphereActions(options: VsphereActionOptions) {
  const { notifier } = options;
  const actions = [
    createVsphereNamespaceCreateAction(options),
    createVsphereNamespaceUpdateAction(options),
    createVsphereNamespaceDeleteAction(options),
    createVsphereVmCreateAction(options),
    createVsphereClusterCreateAction(options),
    createVsphereNodePoolCreateAction(options),
    createVsphereNodePoolScaleAction(options),
    createVsphereNodePoolDeleteAction(options),
  ];
  return notifier ? actions.map(a => withNotifications(a, notifier)) : actions;
}
