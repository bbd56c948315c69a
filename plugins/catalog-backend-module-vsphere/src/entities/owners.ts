import {
  SUPERVISOR_OWNER_KEY as OWNER_KEY,
  SUPERVISOR_SYSTEM_KEY as SYSTEM_KEY,
} from '@backstage-vsphere/plugin-vsphere-common';
import { NamespaceAccessEntry } from '@backstage-vsphere/plugin-vsphere-node';
import { VsphereCatalogConfig } from '../config';
import { normalizeRef, refName } from './refs';

export { OWNER_KEY, SYSTEM_KEY };

interface KubeMetadata {
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** An annotation may hold a full ref (`user:default/jane`); label values cannot, so they name a group. */
export function refFromMetadata(
  metadata: KubeMetadata,
  key: string,
  defaultKind: 'group' | 'system',
): string | undefined {
  for (const value of [metadata.annotations[key], metadata.labels[key]]) {
    const ref = value ? normalizeRef(value, defaultKind) : undefined;
    if (ref) {
      return ref;
    }
  }
  return undefined;
}

/** Groups before users, then by name, so the same access list always yields the same owner. */
function byOwnerPreference(a: NamespaceAccessEntry, b: NamespaceAccessEntry) {
  // code-unit order, not locale order, so every backend sorts alike
  const key = (e: NamespaceAccessEntry) =>
    `${e.subjectType === 'GROUP' ? 0 : 1}/${e.subject}@${e.domain}`;
  return key(a) < key(b) ? -1 : 1;
}

/** The catalog ref of the namespace's first OWNER access entry, through `ownerMap` when it has one. */
export function ownerFromAccessList(
  accessList: NamespaceAccessEntry[],
  config: Pick<VsphereCatalogConfig, 'ownerMap'>,
): string | undefined {
  const [owner] = accessList
    .filter(e => e.role === 'OWNER' && e.subject)
    .sort(byOwnerPreference);
  if (!owner) {
    return undefined;
  }
  const mapped =
    config.ownerMap[`${owner.subject}@${owner.domain}`.toLowerCase()];
  if (mapped) {
    return mapped;
  }
  const kind = owner.subjectType === 'USER' ? 'user' : 'group';
  return `${kind}:default/${refName(owner.subject)}`;
}

/** A namespace's owner: its `backstage.io/owner`, else its OWNER access, else the configured default. */
export function namespaceOwner(
  namespace: KubeMetadata & { accessList: NamespaceAccessEntry[] },
  config: Pick<VsphereCatalogConfig, 'ownerMap' | 'defaultOwner'>,
): string {
  return (
    refFromMetadata(namespace, OWNER_KEY, 'group') ??
    ownerFromAccessList(namespace.accessList, config) ??
    config.defaultOwner
  );
}
