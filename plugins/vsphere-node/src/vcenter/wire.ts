/** A JSON object as vCenter sends it. */
export type WireObject = Record<string, unknown>;

export function isObject(value: unknown): value is WireObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// vCenter versions spell keys differently (memory_MB, memory_mb, memoryMB): compare without case or '_'.
function normalizeKey(key: string): string {
  return key.toLowerCase().split('_').join('');
}

/** Reads the first of the given keys that is present, tolerating differences in casing. */
export function readKey(obj: unknown, ...names: string[]): unknown {
  if (!isObject(obj)) {
    return undefined;
  }
  for (const name of names) {
    if (obj[name] !== undefined && obj[name] !== null) {
      return obj[name];
    }
  }
  const wanted = new Set(names.map(normalizeKey));
  for (const [key, value] of Object.entries(obj)) {
    if (
      value !== undefined &&
      value !== null &&
      wanted.has(normalizeKey(key))
    ) {
      return value;
    }
  }
  return undefined;
}

export function readString(
  obj: unknown,
  ...names: string[]
): string | undefined {
  const value = readKey(obj, ...names);
  if (typeof value === 'string') {
    return value;
  }
  return typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}

/** A non-empty string, or undefined; vCenter often sends "" for unset text. */
export function readText(obj: unknown, ...names: string[]): string | undefined {
  const value = readString(obj, ...names);
  return value ? value : undefined;
}

export function readNumber(
  obj: unknown,
  ...names: string[]
): number | undefined {
  const value = readKey(obj, ...names);
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

export function readBoolean(
  obj: unknown,
  ...names: string[]
): boolean | undefined {
  const value = readKey(obj, ...names);
  if (typeof value === 'boolean') {
    return value;
  }
  if (value === 'true' || value === 'false') {
    return value === 'true';
  }
  return undefined;
}

export function readArray(obj: unknown, ...names: string[]): unknown[] {
  const value = readKey(obj, ...names);
  return Array.isArray(value) ? value : [];
}

export function readStringArray(obj: unknown, ...names: string[]): string[] {
  return readArray(obj, ...names).filter(
    (v): v is string => typeof v === 'string',
  );
}

/** Drops keys whose value is undefined, so optional fields are left out of request bodies. */
export function compact<T extends object>(obj: T): T {
  return Object.fromEntries(
    Object.entries(obj).filter(([, value]) => value !== undefined),
  ) as T;
}
