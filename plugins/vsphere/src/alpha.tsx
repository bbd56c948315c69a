import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { ANNOTATION_SUPERVISOR_NAMESPACE } from '@backstage-vsphere/plugin-vsphere-common';
import { vsphereApiRef, VsphereClient } from './api';

/** @alpha */
export const vsphereApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: vsphereApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new VsphereClient({ discoveryApi, fetchApi }),
    }),
});

/** The "vSphere" tab on entities that name a Supervisor namespace. @alpha */
export const vsphereEntityContent = EntityContentBlueprint.make({
  params: {
    path: '/vsphere',
    title: 'vSphere',
    filter: {
      [`metadata.annotations.${ANNOTATION_SUPERVISOR_NAMESPACE}`]: {
        $exists: true,
      },
    },
    loader: () =>
      import('./components/VsphereEntityContent').then(m => (
        <m.VsphereEntityContent />
      )),
  },
});

/**
 * The vSphere frontend plugin for Backstage's new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'vsphere',
  info: { packageJson: () => import('../package.json') },
  extensions: [vsphereApi, vsphereEntityContent],
});
