import { makeValidator } from '@backstage/catalog-model';
import { assignNames, candidate, identities } from './names';

const { isValidEntityName } = makeValidator();

describe('assignNames', () => {
  it('keeps every name that only one object asks for', () => {
    const names = assignNames([
      candidate(identities.namespace('demo'), 'demo'),
      candidate(identities.vm('demo', 'web-01'), 'demo-web-01'),
    ]);
    expect([...names.values()]).toEqual(['demo', 'demo-web-01']);
  });

  it('resolves a collision the same way whatever the input order', () => {
    // namespace demo + VM web-01, and namespace demo-web + VM 01, both ask for demo-web-01
    const a = candidate(identities.vm('demo', 'web-01'), 'demo-web-01');
    const b = candidate(identities.vm('demo-web', '01'), 'demo-web-01');
    const forward = assignNames([a, b]);
    const backward = assignNames([b, a]);
    expect(forward).toEqual(backward);
    const [first, second] = [
      forward.get(a.identity)!,
      forward.get(b.identity)!,
    ];
    expect(new Set([first, second]).size).toBe(2);
    expect([first, second]).toContain('demo-web-01');
    const suffixed = first === 'demo-web-01' ? second : first;
    expect(suffixed).toMatch(/^demo-web-01-[0-9a-f]{8}$/);
    expect(isValidEntityName(suffixed)).toBe(true);
  });

  it('lets Supervisor objects keep their names when a vCenter VM asks for the same', () => {
    const vm = candidate(identities.vm('demo', 'web'), 'demo-web');
    const plain = candidate(identities.vcenterVm('vm-7'), 'demo-web');
    expect(assignNames([plain, vm]).get(vm.identity)).toBe('demo-web');
    expect(assignNames([plain, vm]).get(plain.identity)).not.toBe('demo-web');
  });

  it('gives many colliding objects distinct valid names of at most 63 characters', () => {
    const long = 'x'.repeat(80);
    const candidates = Array.from({ length: 50 }, (_, i) =>
      candidate(identities.vcenterVm(`vm-${i}`), long),
    );
    const names = [...assignNames(candidates).values()];
    expect(new Set(names).size).toBe(50);
    for (const name of names) {
      expect(isValidEntityName(name)).toBe(true);
    }
  });
});
