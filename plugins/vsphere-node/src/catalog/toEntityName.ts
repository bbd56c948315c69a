import { createHash } from 'node:crypto';

const MAX_NAME_LENGTH = 63;

/**
 * Turns a vSphere or Kubernetes object name into a valid, stable catalog entity name.
 *
 * Catalog names allow `[a-zA-Z0-9]` separated by single `-`, `_` or `.`, at most 63 characters.
 * When the name had to change, a short hash of the original keeps two different objects
 * (`web 01` and `web-01`) from colliding, and the same object gets the same name every run.
 * Shared by the catalog provider and the scaffolder actions so a template's output ref resolves.
 * @public
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

/**
 * What the catalog entity names of a vCenter's objects begin with: nothing with one vCenter
 * configured; with several, the vCenter's name, so that two vCenters' namespaces of the same
 * name do not ask for the same entity. Shared by the catalog provider and the scaffolder actions.
 * @public
 */
export function catalogNamePrefix(
  vcenter: string,
  vcenterCount: number,
): string {
  return vcenterCount > 1 ? `${vcenter}-` : '';
}
