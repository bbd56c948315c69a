import { isDeepStrictEqual } from 'node:util';
import { ObjectProperties, PropertySpec } from './propertyCollector';
import { MoRef, asArray, compactValue, moRefOf, textOf } from './soapXml';
import { isObject } from './wire';

/** What happened to one property, as vCenter's PropertyChange says. */
export interface PropertyChange {
  name: string;
  op: 'add' | 'remove' | 'assign' | 'indirectRemove';
  /** The parsed `val` node, as {@link ObjectProperties.props} holds it; absent when unset. */
  val?: unknown;
}

/** One object entering the filter, changing or leaving it. */
export interface ObjectUpdate {
  kind: 'enter' | 'modify' | 'leave';
  ref: MoRef;
  changes: PropertyChange[];
  /** Properties that could not be read. */
  missing: string[];
}

/** A parsed UpdateSet of WaitForUpdatesEx. */
export interface UpdateSet {
  version: string;
  /** More updates wait for the same version: ask again at once. */
  truncated: boolean;
  objects: ObjectUpdate[];
}

const KINDS = new Set(['enter', 'modify', 'leave']);
const OPS = new Set(['add', 'remove', 'assign', 'indirectRemove']);

function readChange(node: unknown): PropertyChange | undefined {
  if (!isObject(node)) {
    return undefined;
  }
  const name = textOf(node.name);
  const op = textOf(node.op);
  if (!name || !op || !OPS.has(op)) {
    return undefined;
  }
  const change: PropertyChange = { name, op: op as PropertyChange['op'] };
  if (node.val !== undefined) {
    // kept for as long as the object is in the inventory: only what readers use
    change.val = compactValue(node.val);
  }
  return change;
}

function readObjectUpdate(node: unknown): ObjectUpdate | undefined {
  if (!isObject(node)) {
    return undefined;
  }
  const kind = textOf(node.kind);
  const ref = moRefOf(node.obj);
  if (!kind || !KINDS.has(kind) || !ref) {
    return undefined;
  }
  return {
    kind: kind as ObjectUpdate['kind'],
    ref,
    changes: asArray(node.changeSet)
      .map(readChange)
      .filter((c): c is PropertyChange => c !== undefined),
    missing: asArray(node.missingSet)
      .map(m => textOf(isObject(m) ? m.path : undefined))
      .filter((p): p is string => Boolean(p)),
  };
}

/**
 * Reads the `returnval` of WaitForUpdatesEx; undefined for an empty answer (maxWaitSeconds passed
 * without a change: the keep-alive).
 */
export function parseUpdateSet(returnval: unknown): UpdateSet | undefined {
  if (!isObject(returnval)) {
    return undefined;
  }
  const objects: ObjectUpdate[] = [];
  for (const filter of asArray(returnval.filterSet)) {
    for (const node of asArray(isObject(filter) ? filter.objectSet : [])) {
      const update = readObjectUpdate(node);
      if (update) {
        objects.push(update);
      }
    }
  }
  return {
    version: textOf(returnval.version) ?? '',
    truncated: textOf(returnval.truncated) === 'true',
    objects,
  };
}

/**
 * A change to the watched objects.
 * @public
 */
export interface VCenterObjectChange {
  kind: 'enter' | 'modify' | 'leave';
  ref: MoRef;
}

/**
 * The current properties of the watched objects, per type, keeping only the requested paths.
 * During a full resync it notes which objects were seen, so the ones gone meanwhile can leave.
 */
export class ObjectStore {
  private readonly byType = new Map<string, Map<string, ObjectProperties>>();
  private readonly paths = new Map<string, Set<string>>();
  private seen?: Set<string>;

  constructor(specs: PropertySpec[]) {
    for (const spec of specs) {
      this.byType.set(spec.type, new Map());
      this.paths.set(spec.type, new Set(spec.paths));
    }
  }

  objects(type: string): ReadonlyMap<string, ObjectProperties> {
    return this.byType.get(type) ?? new Map();
  }

  /** Starts a full resync: objects not entered again before {@link endResync} leave. */
  beginResync(): void {
    this.seen = new Set();
  }

  /** Ends a full resync; returns a `leave` for every object it did not see. */
  endResync(): VCenterObjectChange[] {
    const seen = this.seen;
    this.seen = undefined;
    if (!seen) {
      return [];
    }
    const gone: VCenterObjectChange[] = [];
    for (const [type, objects] of this.byType) {
      for (const [value, object] of objects) {
        if (!seen.has(`${type}:${value}`)) {
          objects.delete(value);
          gone.push({ kind: 'leave', ref: object.ref });
        }
      }
    }
    return gone;
  }

  /** Applies one object update; returns what changed for the watch's listeners, if anything. */
  apply(update: ObjectUpdate): VCenterObjectChange | undefined {
    const objects = this.byType.get(update.ref.type);
    const paths = this.paths.get(update.ref.type);
    if (!objects || !paths) {
      return undefined;
    }
    const key = update.ref.value;
    const current = objects.get(key);
    if (update.kind === 'leave') {
      this.seen?.delete(`${update.ref.type}:${key}`);
      if (!current) {
        return undefined;
      }
      objects.delete(key);
      return { kind: 'leave', ref: current.ref };
    }
    this.seen?.add(`${update.ref.type}:${key}`);
    if (update.kind === 'enter' || !current) {
      // An enter carries every requested property: start from nothing.
      const entered: ObjectProperties = { ref: update.ref, props: {} };
      applyChanges(entered.props, update, paths);
      objects.set(key, entered);
      if (!current) {
        return { kind: 'enter', ref: update.ref };
      }
      // Entered again in a resync: a change only when a property differs.
      return isDeepStrictEqual(current.props, entered.props)
        ? undefined
        : { kind: 'modify', ref: update.ref };
    }
    applyChanges(current.props, update, paths);
    return { kind: 'modify', ref: current.ref };
  }
}

/** Applies the changes in place; properties that were not asked for are never kept. */
function applyChanges(
  props: Record<string, unknown>,
  update: ObjectUpdate,
  paths: Set<string>,
): void {
  for (const change of update.changes) {
    if (!paths.has(change.name)) {
      continue;
    }
    const set =
      (change.op === 'assign' || change.op === 'add') &&
      change.val !== undefined;
    if (set) {
      props[change.name] = change.val;
    } else {
      // remove, indirectRemove, or an assign without a value: the property is unset
      delete props[change.name];
    }
  }
  for (const path of update.missing) {
    delete props[path];
  }
}
