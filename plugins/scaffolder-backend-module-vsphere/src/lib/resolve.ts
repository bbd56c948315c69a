import { InputError } from '@backstage/errors';

/** Long lists are cut in the message; the picker shows them all. */
const MAX_LISTED = 25;

/** `a, b, c` or `a, b, ... and 7 more`, or `none` when empty. */
export function listNames(names: string[]): string {
  const unique = [...new Set(names)].sort((a, b) => a.localeCompare(b));
  if (unique.length === 0) {
    return 'none';
  }
  const shown = unique.slice(0, MAX_LISTED).join(', ');
  return unique.length > MAX_LISTED
    ? `${shown} and ${unique.length - MAX_LISTED} more`
    : shown;
}

/**
 * Finds the item a name refers to; otherwise throws an InputError naming the field and listing
 * the valid names. `names` gives every name an item answers to, its display name first.
 */
export function resolveByName<T>(options: {
  field: string;
  value: string;
  items: T[];
  names: (item: T) => Array<string | undefined>;
  /** e.g. `a storage policy of vCenter 'vc-1'`. */
  what: string;
}): T {
  const { field, value, items, names, what } = options;
  const found = items.find(item => names(item).includes(value));
  if (found === undefined) {
    const valid = items
      .map(item => names(item)[0])
      .filter((n): n is string => Boolean(n));
    throw new InputError(
      `${field}: '${value}' is not ${what}; valid: ${listNames(valid)}`,
    );
  }
  return found;
}

/**
 * The StorageClass a Supervisor derives from a storage policy: its Kubernetes-compliant name,
 * or the policy name lower-cased with other characters turned into '-'.
 */
export function storageClassOf(policy: {
  name: string;
  k8sCompliantName?: string;
}): string {
  return (
    policy.k8sCompliantName ??
    policy.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  );
}
