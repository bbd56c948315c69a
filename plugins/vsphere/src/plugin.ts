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
