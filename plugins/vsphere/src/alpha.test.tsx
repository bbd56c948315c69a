import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { entityFixture } from './__testUtils__';
import {
  vsphereClusterEntityCard,
  vsphereEntityContent,
  vsphereNamespaceEntityCard,
  vsphereVmEntityCard,
} from './alpha';

const ns = { 'vsphere.vmware.com/supervisor-namespace': 'demo' };
const namespaceResource = entityFixture(ns, 'Resource', 'vsphere-namespace');
const vmResource = entityFixture(
  { ...ns, 'vsphere.vmware.com/vm': 'web-1' },
  'Resource',
  'virtual-machine',
);
const clusterResource = entityFixture(
  { ...ns, 'vsphere.vmware.com/cluster': 'tkc-1' },
  'Resource',
  'kubernetes-cluster',
);
const otherCluster = entityFixture({}, 'Resource', 'kubernetes-cluster');
const component = entityFixture(ns);

describe('vsphere alpha extensions', () => {
  it('shows the tab on any entity naming a Supervisor namespace', () => {
    const filter = createExtensionTester(vsphereEntityContent).get(
      EntityContentBlueprint.dataRefs.filterFunction,
    )!;
    expect(filter(component)).toBe(true);
    expect(filter(vmResource)).toBe(true);
    expect(filter(otherCluster)).toBe(false);
  });

  it('puts each card on its own Resource type only', () => {
    const { filterFunction } = EntityCardBlueprint.dataRefs;
    const namespaceCard = createExtensionTester(vsphereNamespaceEntityCard).get(
      filterFunction,
    )!;
    const vmCard =
      createExtensionTester(vsphereVmEntityCard).get(filterFunction)!;
    const clusterCard = createExtensionTester(vsphereClusterEntityCard).get(
      filterFunction,
    )!;

    expect(namespaceCard(namespaceResource)).toBe(true);
    expect(namespaceCard(component)).toBe(false);
    expect(vmCard(vmResource)).toBe(true);
    expect(vmCard(namespaceResource)).toBe(false);
    expect(clusterCard(clusterResource)).toBe(true);
    expect(clusterCard(otherCluster)).toBe(false);
  });
});
