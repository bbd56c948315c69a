import {
  BasicPermission,
  createPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/** The catalog's resource type; reading is checked against the entity so policies can use ownership. */
const RESOURCE_TYPE_CATALOG_ENTITY = 'catalog-entity';

/**
 * View the vSphere overview of a catalog entity.
 * @public
 */
export const vsphereEntityReadPermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'vsphere.entity.read',
    attributes: { action: 'read' },
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
  });

/**
 * Change the replica count of a node pool behind a catalog entity.
 * @public
 */
export const vsphereNodePoolScalePermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'vsphere.nodepool.scale',
    attributes: { action: 'update' },
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
  });

/**
 * Power on, power off or restart a VM Service VM behind a catalog entity.
 * @public
 */
export const vsphereVmPowerPermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'vsphere.vm.power',
    attributes: { action: 'update' },
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
  });

/**
 * List the options of the scaffolder pickers (vCenters, policies, VM classes, images, ...).
 * @public
 */
export const vsphereOptionsReadPermission: BasicPermission = createPermission({
  name: 'vsphere.options.read',
  attributes: { action: 'read' },
});

/**
 * Every permission of the vSphere plugins, for registration with the permission framework.
 * @public
 */
export const vspherePermissions = [
  vsphereEntityReadPermission,
  vsphereOptionsReadPermission,
  vsphereNodePoolScalePermission,
  vsphereVmPowerPermission,
];

/**
 * Create a Supervisor namespace (scaffolder action `vsphere:namespace:create`).
 * @public
 */
export const vsphereNamespaceCreatePermission: BasicPermission =
  createPermission({
    name: 'vsphere.namespace.create',
    attributes: { action: 'create' },
  });

/**
 * Change the limits, classes, libraries or access of the Supervisor namespace behind a catalog entity.
 * @public
 */
export const vsphereNamespaceUpdatePermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'vsphere.namespace.update',
    attributes: { action: 'update' },
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
  });

/**
 * Delete the Supervisor namespace behind a catalog entity, with everything in it.
 * @public
 */
export const vsphereNamespaceDeletePermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'vsphere.namespace.delete',
    attributes: { action: 'delete' },
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
  });

/**
 * Create a VM Service VM in the Supervisor namespace behind a catalog entity.
 * @public
 */
export const vsphereVmCreatePermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'vsphere.vm.create',
    attributes: { action: 'create' },
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
  });

/**
 * Create a workload cluster in the Supervisor namespace behind a catalog entity.
 * @public
 */
export const vsphereClusterCreatePermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'vsphere.cluster.create',
    attributes: { action: 'create' },
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
  });

/**
 * Add a node pool to the workload cluster behind a catalog entity.
 * @public
 */
export const vsphereNodePoolCreatePermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'vsphere.nodepool.create',
    attributes: { action: 'create' },
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
  });

/**
 * Remove a node pool, and its nodes, from the workload cluster behind a catalog entity.
 * @public
 */
export const vsphereNodePoolDeletePermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'vsphere.nodepool.delete',
    attributes: { action: 'delete' },
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
  });

/**
 * The permissions the vSphere scaffolder actions check, for registration by the scaffolder module.
 * @public
 */
export const vsphereProvisioningPermissions = [
  vsphereNamespaceCreatePermission,
  vsphereNamespaceUpdatePermission,
  vsphereNamespaceDeletePermission,
  vsphereVmCreatePermission,
  vsphereClusterCreatePermission,
  vsphereNodePoolCreatePermission,
  vsphereNodePoolScalePermission,
  vsphereNodePoolDeletePermission,
];
