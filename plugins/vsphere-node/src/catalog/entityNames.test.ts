import { makeValidator } from '@backstage/catalog-model';
import { VsphereObjectIdentity, vsphereEntityName } from './entityNames';

const { isValidEntityName } = makeValidator();

const ns = (namespace: string): VsphereObjectIdentity => ({
  kind: 'namespace',
  vcenter: 'testenv',
  namespace,
});
const vm = (namespace: string, name: string): VsphereObjectIdentity => ({
  kind: 'vm',
  vcenter: 'testenv',
  namespace,
  name,
});
const cluster = (namespace: string, name: string): VsphereObjectIdentity => ({
  kind: 'cluster',
  vcenter: 'testenv',
  namespace,
  name,
});

describe('vsphereEntityName', () => {
  it('gives readable names with the kind in them', () => {
    expect(vsphereEntityName(ns('demo'), 1)).toBe('demo');
    expect(vsphereEntityName(vm('demo', 'web-01'), 1)).toBe('demo.vm.web-01');
    expect(vsphereEntityName(cluster('demo', 'tkg'), 1)).toBe(
      'demo.cluster.tkg',
    );
    expect(
      vsphereEntityName(
        { kind: 'supervisor', vcenter: 'testenv', supervisor: 'wcp' },
        1,
      ),
    ).toBe('testenv.supervisor.wcp');
    expect(
      vsphereEntityName(
        { kind: 'vcenter-vm', vcenter: 'testenv', moref: 'vm-42' },
        1,
      ),
    ).toBe('testenv.vcenter-vm.vm-42');
  });

  it('puts the vCenter first when several are configured', () => {
    expect(vsphereEntityName(ns('demo'), 2)).toBe('testenv.demo');
    expect(vsphereEntityName(vm('demo', 'web'), 2)).toBe('testenv.demo.vm.web');
  });

  it('does not let a namespace take the name of a cluster in another namespace', () => {
    // the collision of the old `<namespace>-<cluster>` names
    const attacker = vsphereEntityName(ns('demo-demo-cluster'), 1);
    const victim = vsphereEntityName(cluster('demo', 'demo-cluster'), 1);
    expect(attacker).not.toBe(victim);
  });

  it('gives every object of a crafted set its own valid name', () => {
    const objects: VsphereObjectIdentity[] = [];
    const namespaces = ['demo', 'demo-vm', 'vm', 'cluster', 'testenv', 'a'];
    const names = [
      'web',
      'vm.web',
      'cluster.web',
      'demo',
      'a.b',
      'x'.repeat(60),
    ];
    for (const n of namespaces) {
      objects.push(ns(n), ns(`${n}-web`));
      for (const name of names) objects.push(vm(n, name), cluster(n, name));
    }
    objects.push(
      { kind: 'supervisor', vcenter: 'testenv', supervisor: 'vm' },
      { kind: 'supervisor', vcenter: 'demo', supervisor: 'web' },
      { kind: 'vcenter-vm', vcenter: 'testenv', moref: 'vm-1' },
      { kind: 'vcenter-vm', vcenter: 'demo', moref: 'web' },
    );
    for (const count of [1, 3]) {
      const taken = new Map<string, VsphereObjectIdentity>();
      for (const object of objects) {
        const name = vsphereEntityName(object, count);
        expect(isValidEntityName(name)).toBe(true);
        expect(taken.get(name)).toBeUndefined();
        taken.set(name, object);
      }
    }
  });

  it('cuts long or unusual names short with a hash of the identity', () => {
    const long = vsphereEntityName(vm('demo', 'x'.repeat(200)), 1);
    expect(long).toMatch(/^demo\.vm\.x+_[0-9a-f]{16}$/);
    expect(long.length).toBeLessThanOrEqual(63);
    const other = vsphereEntityName(vm('demo', `${'x'.repeat(199)}y`), 1);
    expect(other).not.toBe(long);
    const odd = vsphereEntityName(
      { kind: 'vcenter-vm', vcenter: 'testenv', moref: 'VM_1' },
      1,
    );
    expect(isValidEntityName(odd)).toBe(true);
    expect(odd).toContain('_');
  });

  it('names the same object the same way whatever order its keys were written in', () => {
    expect(
      vsphereEntityName(
        {
          name: 'x'.repeat(80),
          namespace: 'demo',
          vcenter: 'testenv',
          kind: 'vm',
        },
        1,
      ),
    ).toBe(vsphereEntityName(vm('demo', 'x'.repeat(80)), 1));
  });
});
