import { entityFixture } from './__testUtils__';
import {
  isVsphereClusterResource,
  isVsphereNamespaceResource,
  isVsphereVmResource,
} from './conditions';

describe('entity conditions', () => {
  it('matches the Resource types the provider ingests, by their annotations', () => {
    const ns = { 'vsphere.vmware.com/supervisor-namespace': 'demo' };
    expect(
      isVsphereNamespaceResource(
        entityFixture(ns, 'Resource', 'vsphere-namespace'),
      ),
    ).toBe(true);
    expect(
      isVsphereVmResource(
        entityFixture(
          { ...ns, 'vsphere.vmware.com/vm': 'web-1' },
          'Resource',
          'virtual-machine',
        ),
      ),
    ).toBe(true);
    expect(
      isVsphereClusterResource(
        entityFixture(
          { ...ns, 'vsphere.vmware.com/cluster': 'tkc-1' },
          'resource',
          'Kubernetes-Cluster',
        ),
      ),
    ).toBe(true);
  });

  it('skips other kinds, types and clusters not from vSphere', () => {
    const ns = { 'vsphere.vmware.com/supervisor-namespace': 'demo' };
    expect(
      isVsphereNamespaceResource(
        entityFixture(ns, 'Component', 'vsphere-namespace'),
      ),
    ).toBe(false);
    expect(
      isVsphereVmResource(entityFixture(ns, 'Resource', 'virtual-machine')),
    ).toBe(false);
    expect(
      isVsphereClusterResource(
        entityFixture(ns, 'Resource', 'kubernetes-cluster'),
      ),
    ).toBe(false);
  });
});
