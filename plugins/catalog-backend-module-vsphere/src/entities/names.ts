import { createHash } from 'node:crypto';
import { toEntityName } from '@backstage-vsphere/plugin-vsphere-node';

const MAX_NAME_LENGTH = 63;

/**
 * What an object is called in the catalog: `identity` names the object exactly (kind, namespace,
 * name or managed object id), `base` is the entity name it asks for.
 * @public
 */
export interface NameCandidate {
  identity: string;
  base: string;
}

/** Identities sort Supervisor objects first, so they keep their names when vCenter VMs collide. */
export const identities = {
  supervisor: (name: string) => `0/supervisor/${name}`,
  namespace: (name: string) => `1/namespace/${name}`,
  vm: (namespace: string, name: string) => `2/vm/${namespace}/${name}`,
  cluster: (namespace: string, name: string) =>
    `3/cluster/${namespace}/${name}`,
  vcenterVm: (moref: string) => `4/vcenter-vm/${moref}`,
};

/** A candidate whose base name is the sanitised form of `raw`. */
export function candidate(identity: string, raw: string): NameCandidate {
  return { identity, base: toEntityName(raw) };
}

function withHash(base: string, identity: string, length: number): string {
  const hash = createHash('sha256')
    .update(identity)
    .digest('hex')
    .slice(0, length);
  const head = base
    .slice(0, MAX_NAME_LENGTH - length - 1)
    .replace(/[-_.]+$/, '');
  return head ? `${head}-${hash}` : `x-${hash}`;
}

/**
 * Gives every identity a unique entity name. When several ask for the same name (`demo` +
 * `web-01` and `demo-web` + `01` both ask for `demo-web-01`), the first identity in sort order
 * keeps it and the others get a hash of their identity appended, so the result depends only on
 * the set of candidates, never on the order they were read in.
 */
export function assignNames(candidates: NameCandidate[]): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const { identity, base } of candidates) {
    const group = groups.get(base);
    if (group) {
      if (!group.includes(identity)) group.push(identity);
    } else {
      groups.set(base, [identity]);
    }
  }
  const taken = new Set(groups.keys());
  const names = new Map<string, string>();
  for (const base of [...groups.keys()].sort()) {
    const [first, ...others] = groups.get(base)!.sort();
    names.set(first, base);
    for (const identity of others) {
      let length = 8;
      let name = withHash(base, identity, length);
      while (taken.has(name)) {
        length += 4;
        name = withHash(base, identity, length);
      }
      taken.add(name);
      names.set(identity, name);
    }
  }
  return names;
}
