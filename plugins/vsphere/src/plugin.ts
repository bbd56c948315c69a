import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { vsphereApiRef, VsphereClient } from './api';

/**
 * The vSphere frontend plugin for apps on the legacy frontend system.
 * @public
 */
export const vspherePlugin = createPlugin({
  id: 'vsphere',
  apis: [
    createApiFactory({
      api: vsphereApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new VsphereClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The vSphere tab for the legacy entity page: `<EntityLayout.Route path="/vsphere" title="vSphere" if={isVsphereAvailable}>`.
 * @public
 */
export const EntityVsphereContent = vspherePlugin.provide(
  createComponentExtension({
    name: 'EntityVsphereContent',
    component: {
      lazy: () =>
        import('./components/VsphereEntityContent').then(
          m => m.VsphereEntityContent,
        ),
    },
  }),
);

/**
 * The card of a `vsphere-namespace` Resource; show it `if={isVsphereNamespaceResource}`.
 * @public
 */
export const EntityVsphereNamespaceCard = vspherePlugin.provide(
  createComponentExtension({
    name: 'EntityVsphereNamespaceCard',
    component: {
      lazy: () =>
        import('./components/VsphereNamespaceCard').then(
          m => m.VsphereNamespaceCard,
        ),
    },
  }),
);

/**
 * The card of a `virtual-machine` Resource; show it `if={isVsphereVmResource}`.
 * @public
 */
export const EntityVsphereVmCard = vspherePlugin.provide(
  createComponentExtension({
    name: 'EntityVsphereVmCard',
    component: {
      lazy: () =>
        import('./components/VsphereVmCard').then(m => m.VsphereVmCard),
    },
  }),
);

/**
 * The card of a `kubernetes-cluster` Resource from vSphere; show it `if={isVsphereClusterResource}`.
 * @public
 */
export const EntityVsphereClusterCard = vspherePlugin.provide(
  createComponentExtension({
    name: 'EntityVsphereClusterCard',
    component: {
      lazy: () =>
        import('./components/VsphereClusterCard').then(
          m => m.VsphereClusterCard,
        ),
    },
  }),
);
