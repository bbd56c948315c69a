import { makeValidator } from '@backstage/catalog-model';
import {
  clusterEntityRef,
  namespaceEntityRef,
  vmEntityRef,
} from './entityRefs';

const { isValidEntityName } = makeValidator();

describe('catalog entity refs', () => {
  it('follow the entity provider: namespace, <namespace>-<vm>, <namespace>-<cluster>', () => {
    expect(namespaceEntityRef('team-a')).toBe('resource:default/team-a');
    expect(vmEntityRef('team-a', 'web-01')).toBe(
      'resource:default/team-a-web-01',
    );
    expect(clusterEntityRef('demo', 'demo-cluster')).toBe(
      'resource:default/demo-demo-cluster',
    );
  });

  it('keep long combined names valid and stable with a hash', () => {
    const ref = vmEntityRef('a'.repeat(40), 'b'.repeat(40));
    const name = ref.slice('resource:default/'.length);
    expect(isValidEntityName(name)).toBe(true);
    expect(name).toMatch(/^a{40}-b{13}-[0-9a-f]{8}$/);
    expect(vmEntityRef('a'.repeat(40), 'b'.repeat(40))).toBe(ref);
  });
});
