import { parseEntityRef } from '@backstage/catalog-model';
import { isError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';

/**
 * How a vSphere action run ended, as its notification tells it.
 * @public
 */
export type ActionOutcome = 'completed' | 'failed' | 'cancelled';

/** Error classes whose messages our code writes for users: they name the object and the fix. */
const USER_FACING_ERRORS = new Set([
  'InputError',
  'NotAllowedError',
  'NotFoundError',
  'ConflictError',
  'ServiceUnavailableError',
  'AuthenticationError',
  'NotModifiedError',
  'WaitCancelledError',
]);

/** Longest error text a notification carries; the task log has the rest. */
const MAX_ERROR_LENGTH = 300;

/**
 * The error text a notification may carry: the message of our own error classes (which never
 * hold credentials or bodies), first line, shortened; anything else only by its class.
 */
export function safeErrorText(error: unknown): string {
  if (!isError(error) || !USER_FACING_ERRORS.has(error.name)) {
    return 'an unexpected error; the task log has the details';
  }
  const line = error.message.split('\n')[0].trim();
  return line.length > MAX_ERROR_LENGTH
    ? `${line.slice(0, MAX_ERROR_LENGTH - 1)}…`
    : line;
}

/** `4 min 12 s`, `38 s`, `1 h 2 min`: the total time of a run. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${s} s`;
  return `${s} s`;
}

/** The catalog page of an entity, on the default catalog route. */
export function entityPagePath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}`;
}

const NOUNS: Record<string, string> = {
  namespace: 'Supervisor namespace',
  vm: 'VM',
  cluster: 'cluster',
  nodepool: 'node pool',
};

const PAST: Record<string, string> = {
  create: 'created',
  update: 'updated',
  delete: 'deleted',
  scale: 'scaled',
};

/** `cluster 'demo/web'` from `vsphere:cluster:create` and its input. */
export function objectLabel(actionId: string, input: JsonObject): string {
  const [, noun = 'object'] = actionId.split(':');
  const parts = [input.namespace, input.cluster, input.name].filter(
    (p): p is string => typeof p === 'string' && p.length > 0,
  );
  // a namespace action's name is the namespace itself
  const path = noun === 'namespace' ? [input.name] : parts;
  return `${NOUNS[noun] ?? noun} '${path.filter(Boolean).join('/')}'`;
}

/** The title of a run's notification, e.g. `vSphere cluster 'demo/web' created`. */
export function outcomeTitle(
  actionId: string,
  input: JsonObject,
  outcome: ActionOutcome,
): string {
  const [, , verb = 'change'] = actionId.split(':');
  const label = objectLabel(actionId, input);
  if (outcome === 'completed') {
    return `vSphere ${label} ${PAST[verb] ?? verb}`;
  }
  return `vSphere ${label}: ${verb} ${outcome}`;
}
