import { isResourcePermission } from '@backstage/plugin-permission-common';
import { vspherePermissions } from './permissions';

describe('vSphere permissions', () => {
  it('are catalog-entity resource permissions with unique names', () => {
    const names = vspherePermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const permission of vspherePermissions) {
      expect(isResourcePermission(permission, 'catalog-entity')).toBe(true);
      expect(permission.name).toMatch(/^vsphere\./);
    }
  });

  it('separates reading from each mutation', () => {
    const read = vspherePermissions.filter(p => p.attributes.action === 'read');
    expect(read.map(p => p.name)).toEqual(['vsphere.entity.read']);
  });
});
