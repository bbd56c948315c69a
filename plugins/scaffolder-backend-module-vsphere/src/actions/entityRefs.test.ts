import { makeValidator } from '@backstage/catalog-model';
import {
  clusterEntityRef,
  namespaceEntityRef,
  vmEntityRef,
} from './entityRefs';

const { isValidEntityName } = makeValidator();
// one vCenter configured: names as the objects are
const one = { catalogPrefix: '' };

describe('catalog entity refs', () => {
  it('follow the entity provider: namespace, <namespace>-<vm>, <namespace>-<cluster>', () => {
    expect(namespaceEntityRef(one, 'team-a')).toBe('resource:default/team-a');
    expect(vmEntityRef(one, 'team-a', 'web-01')).toBe(
      'resource:default/team-a-web-01',
    );
    expect(clusterEntityRef(one, 'demo', 'demo-cluster')).toBe(
      'resource:default/demo-demo-cluster',
    );
  });

  it('begin with the vCenter name when several vCenters are configured', () => {
    const east = { catalogPrefix: 'vc-east-' };
    expect(namespaceEntityRef(east, 'demo')).toBe(
      'resource:default/vc-east-demo',
    );
    expect(vmEntityRef(east, 'demo', 'web-01')).toBe(
      'resource:default/vc-east-demo-web-01',
    );
  });

  it('keep long combined names valid and stable with a hash', () => {
    const ref = vmEntityRef(one, 'a'.repeat(40), 'b'.repeat(40));
    const name = ref.slice('resource:default/'.length);
    expect(isValidEntityName(name)).toBe(true);
    expect(name).toMatch(/^a{40}-b{13}-[0-9a-f]{8}$/);
    expect(vmEntityRef(one, 'a'.repeat(40), 'b'.repeat(40))).toBe(ref);
  });
});
