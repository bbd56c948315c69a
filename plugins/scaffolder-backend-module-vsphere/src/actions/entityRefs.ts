import { createHash } from 'node:crypto';
import { stringifyEntityRef } from '@backstage/catalog-model';

const MAX_NAME_LENGTH = 63;

/**
 * The catalog entity name the vSphere entity provider gives an object; it must stay identical
 * to the provider's naming so the ref a template outputs resolves to the ingested entity.
 */
export function toEntityName(raw: string): string {
  const cleaned = raw
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/[-_.]{2,}/g, '-')
    .replace(/^[-_.]+|[-_.]+$/g, '');
  if (cleaned === raw && cleaned.length <= MAX_NAME_LENGTH) {
    return cleaned;
  }
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 8);
  const head = cleaned
    .slice(0, MAX_NAME_LENGTH - hash.length - 1)
    .replace(/[-_.]+$/, '');
  return head ? `${head}-${hash}` : `x-${hash}`;
}

function resourceRef(name: string): string {
  return stringifyEntityRef({
    kind: 'resource',
    namespace: 'default',
    name: toEntityName(name),
  });
}

/** `resource:default/<namespace>`, the provider's `vsphere-namespace` entity. */
export function namespaceEntityRef(namespace: string): string {
  return resourceRef(namespace);
}

/** `resource:default/<namespace>-<vm>`, the provider's `virtual-machine` entity. */
export function vmEntityRef(namespace: string, vm: string): string {
  return resourceRef(`${namespace}-${vm}`);
}

/** `resource:default/<namespace>-<cluster>`, the provider's `kubernetes-cluster` entity. */
export function clusterEntityRef(namespace: string, cluster: string): string {
  return resourceRef(`${namespace}-${cluster}`);
}
