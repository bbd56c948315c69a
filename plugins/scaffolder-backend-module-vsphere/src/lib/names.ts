import { InputError } from '@backstage/errors';
import { makeValidator, parseEntityRef } from '@backstage/catalog-model';

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SSH_PUBLIC_KEY =
  /^(ssh-(ed25519|rsa|dss)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) [A-Za-z0-9+/]+={0,3}( [^\r\n]*)?$/;

/** The one DNS-1123 label rule, shared with the routes and the clients. */
export { checkDnsLabel } from '@backstage-vsphere/plugin-vsphere-node';

/** Throws unless every key and value is a valid Kubernetes label. */
export function checkLabels(field: string, labels: Record<string, string>) {
  for (const [key, value] of Object.entries(labels)) {
    const slash = key.lastIndexOf('/');
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = key.slice(slash + 1);
    const validPrefix =
      prefix === undefined ||
      (prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix));
    if (!validPrefix || name.length > 63 || !LABEL_NAME.test(name)) {
      throw new InputError(
        `${field}: '${key}' is not a Kubernetes label key: an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
      );
    }
    if (value.length > 63 || (value !== '' && !LABEL_NAME.test(value))) {
      throw new InputError(
        `${field}.${key}: '${value}' is not a Kubernetes label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
      );
    }
  }
}

/**
 * Throws unless each entry is an OpenSSH public key. The value is never echoed: a private key
 * pasted by mistake must not reach the task log.
 */
export function checkSshPublicKeys(field: string, keys: string[]) {
  keys.forEach((key, index) => {
    if (!SSH_PUBLIC_KEY.test(key.trim())) {
      throw new InputError(
        `${field}[${index}]: not an OpenSSH public key; expected one line such as 'ssh-ed25519 AAAA... user@host'`,
      );
    }
  });
}

/** Throws when a list names the same thing twice. */
export function checkUnique(field: string, values: string[]) {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) {
      throw new InputError(`${field}: '${value}' is listed more than once`);
    }
    seen.add(value);
  }
}

const entityRules = makeValidator();

/** Throws unless `value` is an entity ref with a kind, such as `group:default/team-a`. */
export function checkEntityRef(field: string, value: string) {
  let valid = false;
  try {
    const ref = parseEntityRef(value);
    valid =
      entityRules.isValidKind(ref.kind) &&
      entityRules.isValidNamespace(ref.namespace) &&
      entityRules.isValidEntityName(ref.name);
  } catch {
    valid = false;
  }
  if (!valid) {
    throw new InputError(
      `${field}: '${value}' is not an entity ref; use kind:namespace/name, e.g. 'group:default/team-a'`,
    );
  }
}
