import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  vspherePermissions,
  vsphereProvisioningPermissions,
} from './permissions';

describe('vSphere permissions', () => {
  it('have unique names; all but the picker options are catalog-entity permissions', () => {
    const names = vspherePermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    const entityScoped = vspherePermissions.filter(p =>
      isResourcePermission(p, 'catalog-entity'),
    );
    expect(entityScoped.map(p => p.name)).toEqual([
      'vsphere.entity.read',
      'vsphere.nodepool.scale',
      'vsphere.vm.power',
    ]);
  });

  it('separates reading from each mutation', () => {
    const read = vspherePermissions.filter(p => p.attributes.action === 'read');
    expect(read.map(p => p.name)).toEqual([
      'vsphere.entity.read',
      'vsphere.options.read',
    ]);
    const updates = vspherePermissions.filter(
      p => p.attributes.action === 'update',
    );
    expect(updates).toHaveLength(2);
  });
});

describe('vSphere provisioning permissions', () => {
  it('name each scaffolder mutation once, scoped to an entity except namespace creation', () => {
    const names = vsphereProvisioningPermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    const basic = vsphereProvisioningPermissions.filter(
      p => !isResourcePermission(p, 'catalog-entity'),
    );
    expect(basic.map(p => p.name)).toEqual(['vsphere.namespace.create']);
    expect(
      vsphereProvisioningPermissions.every(p => p.attributes.action !== 'read'),
    ).toBe(true);
  });
});
