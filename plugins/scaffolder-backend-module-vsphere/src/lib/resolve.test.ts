import { listNames, resolveByName, storageClassOf } from './resolve';

describe('resolving names', () => {
  const policies = [
    { id: 'p-1', name: 'vSAN Default Storage Policy' },
    { id: 'p-2', name: 'k8s-gold', k8sCompliantName: 'k8s-gold' },
  ];

  it('finds an item by any of its names', () => {
    const byName = resolveByName({
      field: 'storagePolicies[0].name',
      value: 'k8s-gold',
      items: policies,
      names: p => [p.name, p.id],
      what: "a storage policy of vCenter 'vc'",
    });
    expect(byName.id).toBe('p-2');
    expect(
      resolveByName({
        field: 'f',
        value: 'p-1',
        items: policies,
        names: p => [p.name, p.id],
        what: 'x',
      }).name,
    ).toBe('vSAN Default Storage Policy');
  });

  it('names the field and lists the valid names, sorted, when nothing matches', () => {
    expect(() =>
      resolveByName({
        field: 'storagePolicies[0].name',
        value: 'gold',
        items: policies,
        names: p => [p.name, p.id],
        what: "a storage policy of vCenter 'vc'",
      }),
    ).toThrow(
      "storagePolicies[0].name: 'gold' is not a storage policy of vCenter 'vc'; valid: k8s-gold, vSAN Default Storage Policy",
    );
  });

  it('shortens long lists and says when there is nothing', () => {
    const many = Array.from(
      { length: 30 },
      (_, i) => `c-${String(i).padStart(2, '0')}`,
    );
    expect(listNames(many)).toMatch(/^c-00, c-01, .*c-24 and 5 more$/);
    expect(listNames([])).toBe('none');
    expect(listNames(['b', 'a', 'b'])).toBe('a, b');
  });

  it('derives the StorageClass a Supervisor makes of a policy', () => {
    expect(storageClassOf(policies[0])).toBe('vsan-default-storage-policy');
    expect(
      storageClassOf({ name: 'Gold (fast)!', k8sCompliantName: 'gold' }),
    ).toBe('gold');
    expect(storageClassOf({ name: ' Gold (fast)! ' })).toBe('gold-fast');
  });
});
