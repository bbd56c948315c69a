import { makeValidator } from '@backstage/catalog-model';
import { toEntityName } from './toEntityName';

const { isValidEntityName } = makeValidator();

describe('toEntityName', () => {
  it('keeps names that are already valid', () => {
    expect(toEntityName('vm-0001')).toBe('vm-0001');
    expect(toEntityName('demo.cluster_1')).toBe('demo.cluster_1');
  });

  it.each([
    'Web Server 01',
    'web server 01',
    'ubuntu/22.04 (golden)',
    '---',
    'ünïcødé-vm',
    'a'.repeat(200),
    'trailing.',
  ])('makes %j a valid name', raw => {
    const name = toEntityName(raw);
    expect(isValidEntityName(name)).toBe(true);
    expect(toEntityName(raw)).toBe(name);
  });

  it('gives different objects different names when sanitising merges them', () => {
    expect(toEntityName('Web 01')).not.toBe(toEntityName('web-01'));
    expect(toEntityName('web 01')).not.toBe(toEntityName('web_01 '));
  });
});
