import {
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
 * Every permission of the vSphere plugins, for registration with the permission framework.
 * @public
 */
export const vspherePermissions = [
  vsphereEntityReadPermission,
  vsphereNodePoolScalePermission,
  vsphereVmPowerPermission,
];
