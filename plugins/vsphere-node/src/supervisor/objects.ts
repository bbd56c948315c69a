import { Condition } from '@backstage-vsphere/plugin-vsphere-common';

/**
 * A Kubernetes object as the Supervisor returns it, in plain JSON.
 * @public
 */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{
      kind: string;
      name: string;
      apiVersion?: string;
    }>;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * All objects of one list, across pages.
 * @public
 */
export interface KubeObjectList {
  items: KubeObject[];
  metadata: { resourceVersion?: string };
}

/** Walks a path through nested objects; versions move fields, so every step may be missing. */
export function valueAt(
  source: unknown,
  ...path: (string | number)[]
): unknown {
  let current = source;
  for (const key of path) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function stringAt(
  source: unknown,
  ...path: (string | number)[]
): string | undefined {
  const value = valueAt(source, ...path);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function numberAt(
  source: unknown,
  ...path: (string | number)[]
): number | undefined {
  const value = valueAt(source, ...path);
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : undefined;
}

export function booleanAt(
  source: unknown,
  ...path: (string | number)[]
): boolean | undefined {
  const value = valueAt(source, ...path);
  return typeof value === 'boolean' ? value : undefined;
}

export function arrayAt(
  source: unknown,
  ...path: (string | number)[]
): unknown[] {
  const value = valueAt(source, ...path);
  return Array.isArray(value) ? value : [];
}

/** Maps of strings only (labels, quota quantities); anything else is dropped. */
export function stringMapAt(
  source: unknown,
  ...path: (string | number)[]
): Record<string, string> {
  const value = valueAt(source, ...path);
  const result: Record<string, string> = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string') {
        result[key] = item;
      }
    }
  }
  return result;
}

/** Timestamps arrive as strings (raw JSON) or Dates (the library's typed core models). */
export function timeAt(
  source: unknown,
  ...path: (string | number)[]
): string | undefined {
  const value = valueAt(source, ...path);
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  }
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reads `conditions` in both the metav1 and the Cluster API v1beta1 shape (same fields we show). */
export function conditionsAt(
  source: unknown,
  ...path: (string | number)[]
): Condition[] {
  return arrayAt(source, ...path).flatMap(item => {
    const type = stringAt(item, 'type');
    if (!type) {
      return [];
    }
    const condition: Condition = {
      type,
      status: stringAt(item, 'status') ?? 'Unknown',
    };
    const reason = stringAt(item, 'reason');
    const message = stringAt(item, 'message');
    const lastTransitionTime = timeAt(item, 'lastTransitionTime');
    if (reason) condition.reason = reason;
    if (message) condition.message = message;
    if (lastTransitionTime) condition.lastTransitionTime = lastTransitionTime;
    return [condition];
  });
}

/** Copies the fields that have a value, so optional fields stay absent rather than undefined. */
export function assignDefined<T extends object>(
  target: T,
  fields: { [K in keyof T]?: T[K] | undefined },
): T {
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) {
      (target as Record<string, unknown>)[key] = value;
    }
  }
  return target;
}
