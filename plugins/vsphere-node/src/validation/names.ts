import { InputError } from '@backstage/errors';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * True for a DNS-1123 label (at most 63 lower-case letters, digits and '-'), the rule for
 * Supervisor namespaces, clusters and node pools.
 * @public
 */
export function isDnsLabel(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length <= 63 && DNS_LABEL.test(value)
  );
}

/**
 * True for a DNS-1123 subdomain (labels joined by '.', at most 253 characters), the rule for
 * Kubernetes object names such as VM Service VMs.
 * @public
 */
export function isDnsSubdomain(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 253 &&
    DNS_SUBDOMAIN.test(value)
  );
}

/** How a refused value is shown: quoted, cut short, with control characters made visible. */
export function showValue(value: unknown): string {
  if (typeof value !== 'string') {
    return String(value);
  }
  const shown = JSON.stringify(
    value.length > 80 ? `${value.slice(0, 80)}…` : value,
  );
  return `'${shown.slice(1, -1)}'`;
}

/**
 * Throws InputError naming the field unless `value` is a DNS-1123 label.
 * @public
 */
export function checkDnsLabel(field: string, value: unknown): string {
  if (typeof value === 'string' && value.length > 63) {
    throw new InputError(
      `${field}: ${showValue(value)} is ${
        value.length
      } characters long; a DNS-1123 label has at most 63`,
    );
  }
  if (!isDnsLabel(value)) {
    throw new InputError(
      `${field}: ${showValue(
        value,
      )} is not a DNS-1123 label: use lower-case letters, digits and '-', starting and ending with a letter or digit`,
    );
  }
  return value;
}

/**
 * Throws InputError naming the field unless `value` is a DNS-1123 subdomain.
 * @public
 */
export function checkDnsSubdomain(field: string, value: unknown): string {
  if (!isDnsSubdomain(value)) {
    throw new InputError(
      `${field}: ${showValue(
        value,
      )} is not a Kubernetes object name (DNS-1123 subdomain): at most 253 lower-case letters, digits, '-' and '.', starting and ending with a letter or digit`,
    );
  }
  return value;
}
