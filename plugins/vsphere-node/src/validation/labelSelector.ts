import { InputError } from '@backstage/errors';
import { showValue } from './names';

const KEY =
  '(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?';
const VALUE = '(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?';
const REQUIREMENT = new RegExp(
  [
    `^!?${KEY}$`,
    `^${KEY}\\s*(?:=|==|!=)\\s*${VALUE}$`,
    `^${KEY}\\s+(?:in|notin)\\s*\\(\\s*${VALUE}(?:\\s*,\\s*${VALUE})*\\s*\\)$`,
  ].join('|'),
);

/** Splits on the commas that separate requirements, not those inside `in (a,b)`. */
function requirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      parts.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(selector.slice(start));
  return parts.map(p => p.trim());
}

/**
 * True for a Kubernetes label selector (`app=web,tier!=db`, `env in (a,b)`, `!canary`), whose keys
 * and values follow the label rules.
 * @public
 */
export function isLabelSelector(value: unknown): value is string {
  if (typeof value !== 'string' || !value.trim() || value.length > 1024) {
    return false;
  }
  return requirements(value).every(r => REQUIREMENT.test(r));
}

/**
 * Throws InputError naming the field unless `value` is a Kubernetes label selector.
 * @public
 */
export function checkLabelSelector(field: string, value: unknown): string {
  if (!isLabelSelector(value)) {
    throw new InputError(
      `${field}: ${showValue(
        value,
      )} is not a Kubernetes label selector; use requirements such as 'app=web', 'tier!=db', 'env in (a,b)' or '!canary', separated by ','`,
    );
  }
  return value;
}

/** Whether one requirement of a valid selector holds for the labels. */
function holds(requirement: string, labels: Record<string, string>): boolean {
  const set = requirement.match(/^(\S+)\s+(in|notin)\s*\((.*)\)$/);
  if (set) {
    const values = set[3].split(',').map(v => v.trim());
    const has = set[1] in labels && values.includes(labels[set[1]]);
    return set[2] === 'in' ? has : !has;
  }
  const compare = requirement.match(/^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/);
  if (compare) {
    const equal = labels[compare[1]] === compare[3].trim();
    return compare[2] === '!=' ? !equal : compare[1] in labels && equal;
  }
  return requirement.startsWith('!')
    ? !(requirement.slice(1) in labels)
    : requirement in labels;
}

/**
 * Whether labels match a label selector as the Kubernetes API server matches it, so a watched
 * list is filtered the way a `labelSelector` list request would be. Throws on an invalid selector.
 * @public
 */
export function matchesLabelSelector(
  selector: string,
  labels: Record<string, string> = {},
): boolean {
  return labelSelectorMatcher(selector)(labels);
}

/**
 * {@link matchesLabelSelector} for many objects: the selector is checked and split once.
 * @public
 */
export function labelSelectorMatcher(
  selector: string,
): (labels?: Record<string, string>) => boolean {
  checkLabelSelector('labelSelector', selector);
  const parts = requirements(selector);
  return (labels = {}) => parts.every(r => holds(r, labels));
}
