import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

const { isValidEntityName, isValidKind, isValidNamespace } = makeValidator();

/** `team-a` or `user:jane` as a full, valid ref (`group:default/team-a`), or undefined. */
export function normalizeRef(
  value: string,
  defaultKind: 'group' | 'system',
): string | undefined {
  try {
    const ref = parseEntityRef(value.trim(), {
      defaultKind,
      defaultNamespace: 'default',
    });
    return isValidKind(ref.kind) &&
      isValidNamespace(ref.namespace) &&
      isValidEntityName(ref.name)
      ? stringifyEntityRef(ref)
      : undefined;
  } catch {
    return undefined;
  }
}

/** SSO names may hold spaces; refs are case-insensitive, so only invalid characters are replaced. */
export function refName(subject: string): string {
  if (isValidEntityName(subject)) {
    return subject;
  }
  return (
    subject
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/[-_.]{2,}/g, '-')
      .replace(/^[-_.]+|[-_.]+$/g, '')
      .slice(0, 63)
      .replace(/[-_.]+$/, '') || 'unknown'
  );
}
