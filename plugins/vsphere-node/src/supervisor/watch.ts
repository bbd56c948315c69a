import { LoggerService } from '@backstage/backend-plugin-api';
import {
  KubernetesListObject,
  KubernetesObject,
  makeInformer,
} from '@kubernetes/client-node';
import { RequestDescription, toSupervisorError } from './errors';
import { KubeObject, KubeObjectList } from './objects';

/**
 * One change seen by a watch.
 * @public
 */
export interface SupervisorWatchEvent {
  type: 'added' | 'modified' | 'deleted';
  object: KubeObject;
}

/**
 * A running watch; it lists first, follows changes, lists again when the server answers
 * 410 Gone, and reconnects with backoff after other failures until stopped.
 * @public
 */
export interface SupervisorWatch {
  /** The objects as last seen. */
  list(): KubeObject[];
  stop(): Promise<void>;
}

/**
 * Options of a watch.
 * @public
 */
export interface SupervisorWatchOptions {
  namespace?: string;
  labelSelector?: string;
  /** Called with each failure before the watch reconnects. */
  onError?: (error: Error) => void;
}

const MIN_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 60_000;

/**
 * Starts an informer for `path`; resolves once the first list arrived, rejects when it failed.
 */
export async function startWatch(options: {
  kubeConfig: Parameters<typeof makeInformer>[0];
  path: string;
  list: () => Promise<KubeObjectList>;
  labelSelector?: string;
  description: RequestDescription;
  logger: LoggerService;
  onEvent: (event: SupervisorWatchEvent) => void;
  onError?: (error: Error) => void;
}): Promise<SupervisorWatch> {
  // The library types objects with Date timestamps; on the wire (and here) they are strings.
  const informer = makeInformer<KubernetesObject>(
    options.kubeConfig,
    options.path,
    options.list as unknown as () => Promise<
      KubernetesListObject<KubernetesObject>
    >,
    options.labelSelector,
  );
  let stopped = false;
  let started = false;
  let firstError: Error | undefined;
  let backoffMs = MIN_BACKOFF_MS;
  let timer: NodeJS.Timeout | undefined;

  const emit =
    (type: SupervisorWatchEvent['type']) => (object: KubernetesObject) => {
      backoffMs = MIN_BACKOFF_MS;
      options.onEvent({ type, object: object as unknown as KubeObject });
    };
  informer.on('add', emit('added'));
  informer.on('update', emit('modified'));
  informer.on('delete', emit('deleted'));
  informer.on('error', (error: unknown) => {
    const mapped = toSupervisorError(error, options.description);
    if (!started) {
      firstError = mapped;
      return;
    }
    if (stopped) {
      return;
    }
    options.logger.warn(
      `Watch of ${options.path} failed, retrying in ${backoffMs} ms: ${mapped.message}`,
    );
    options.onError?.(mapped);
    timer = setTimeout(() => {
      informer.start().catch(() => {});
    }, backoffMs);
    backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
  });

  await informer.start();
  if (firstError) {
    stopped = true;
    await informer.stop();
    throw firstError;
  }
  started = true;

  return {
    list: () => [...informer.list()] as unknown as KubeObject[],
    stop: async () => {
      stopped = true;
      if (timer) {
        clearTimeout(timer);
      }
      await informer.stop();
    },
  };
}
