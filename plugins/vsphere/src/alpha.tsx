import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  ANNOTATION_CLUSTER,
  ANNOTATION_SUPERVISOR_NAMESPACE,
  ANNOTATION_VM,
} from '@backstage-vsphere/plugin-vsphere-common';
import { vsphereApiRef, VsphereClient } from './api';
import { vsphereFormFields } from './scaffolder/alpha';

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

/** The namespace card on the provider's `vsphere-namespace` Resources. @alpha */
export const vsphereNamespaceEntityCard = EntityCardBlueprint.make({
  name: 'namespace',
  params: {
    filter: {
      kind: 'resource',
      'spec.type': 'vsphere-namespace',
      [`metadata.annotations.${ANNOTATION_SUPERVISOR_NAMESPACE}`]: {
        $exists: true,
      },
    },
    loader: () =>
      import('./components/VsphereNamespaceCard').then(m => (
        <m.VsphereNamespaceCard />
      )),
  },
});

/** The capacity card on the provider's Supervisor and namespace Resources. @alpha */
export const vsphereCapacityEntityCard = EntityCardBlueprint.make({
  name: 'capacity',
  params: {
    filter: {
      kind: 'resource',
      'spec.type': { $in: ['vsphere-supervisor', 'vsphere-namespace'] },
    },
    loader: () =>
      import('./components/EntityCapacityCard').then(m => (
        <m.EntityCapacityCard />
      )),
  },
});

/** The placement picture on `kubernetes-cluster` Resources that come from vSphere. @alpha */
export const vsphereClusterPlacementEntityCard = EntityCardBlueprint.make({
  name: 'cluster-placement',
  params: {
    filter: {
      kind: 'resource',
      'spec.type': 'kubernetes-cluster',
      [`metadata.annotations.${ANNOTATION_CLUSTER}`]: { $exists: true },
    },
    loader: () =>
      import('./components/EntityCapacityCard').then(m => (
        <m.EntityPlacementCard />
      )),
  },
});

/** The VM card on the provider's `virtual-machine` Resources. @alpha */
export const vsphereVmEntityCard = EntityCardBlueprint.make({
  name: 'vm',
  params: {
    filter: {
      kind: 'resource',
      'spec.type': 'virtual-machine',
      [`metadata.annotations.${ANNOTATION_VM}`]: { $exists: true },
    },
    loader: () =>
      import('./components/VsphereVmCard').then(m => <m.VsphereVmCard />),
  },
});

/** The cluster card on `kubernetes-cluster` Resources that come from vSphere. @alpha */
export const vsphereClusterEntityCard = EntityCardBlueprint.make({
  name: 'cluster',
  params: {
    filter: {
      kind: 'resource',
      'spec.type': 'kubernetes-cluster',
      [`metadata.annotations.${ANNOTATION_CLUSTER}`]: { $exists: true },
    },
    loader: () =>
      import('./components/VsphereClusterCard').then(m => (
        <m.VsphereClusterCard />
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
  extensions: [
    vsphereApi,
    vsphereEntityContent,
    vsphereNamespaceEntityCard,
    vsphereVmEntityCard,
    vsphereClusterEntityCard,
    vsphereCapacityEntityCard,
    vsphereClusterPlacementEntityCard,
    ...vsphereFormFields,
  ],
});
