import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { SourceHealth } from '../inventory/SourceHealth';
import { ObjectProperties, PropertySpec, specSet } from './propertyCollector';
import { SoapCall, SoapSession } from './SoapSession';
import { MoRef, el, moRefEl, moRefOf, textEl } from './soapXml';
import { ObjectStore, VCenterObjectChange, parseUpdateSet } from './updateSet';

export type { VCenterObjectChange } from './updateSet';

/**
 * What {@link VCenterWatch} watches and whom it tells.
 * @public
 */
export interface VCenterWatchOptions {
  specs: PropertySpec[];
  /** The folder (or other container) whose objects, recursively, are watched; default the root folder. */
  container?: MoRef;
  /** Long-poll length; an empty answer after it is the keep-alive. Default 5. */
  maxWaitSeconds?: number;
  /** Called after each applied update set (after the first full sync too), with what changed. */
  onChange?: (changes: VCenterObjectChange[]) => void;
}

const DEFAULT_MAX_WAIT_SECONDS = 5;
/** How late a keep-alive may be before the feed counts as stale. */
const DEADLINE_GRACE_MS = 5000;
// vCenter caps an answer at about 100 object updates whatever is asked for; more means truncated.
const MAX_OBJECT_UPDATES = 100;
const BACKOFF_FIRST_MS = 1000;
const BACKOFF_MAX_MS = 60_000;
// The first answer of a full sync comes after the server collected every object (about 10 s for
// 10,000 VMs on the simulator), so it may take longer than an ordinary request.
const FULL_SYNC_TIMEOUT_MS = 120_000;
/** Cleanup must not hold up a resync or a shutdown when vCenter hangs. */
const CLEANUP_TIMEOUT_MS = 5000;

/** The session-bound objects of one feed: collector, view and filter. */
interface Feed {
  collector: MoRef;
  view?: MoRef;
  filter?: MoRef;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function readMaxWait(value: number | undefined): number {
  if (value === undefined) {
    return DEFAULT_MAX_WAIT_SECONDS;
  }
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(
      `maxWaitSeconds must be a whole number of seconds, at least 1; got ${value}`,
    );
  }
  return value;
}

function readSpecs(specs: PropertySpec[]): PropertySpec[] {
  if (!specs?.length) {
    throw new InputError('specs must name at least one object type to watch');
  }
  const types = new Set<string>();
  for (const spec of specs) {
    if (!spec.type || types.has(spec.type)) {
      throw new InputError(
        `specs must name each object type once; got '${spec.type}' twice or empty`,
      );
    }
    types.add(spec.type);
  }
  return specs;
}

/**
 * A live feed of vCenter inventory, as govc's `object.collect` follows changes: a private
 * PropertyCollector with one filter over a ContainerView of the root folder, then WaitForUpdatesEx
 * long-polls tracking the version. A lost session or any failure re-creates collector, view and
 * filter and resyncs in full, backing off; the objects are kept meanwhile and the health says
 * they are stale.
 * @public
 */
export class VCenterWatch {
  /** The feed's health. */
  readonly health: SourceHealth;
  private readonly specs: PropertySpec[];
  private readonly maxWaitSeconds: number;
  private readonly store: ObjectStore;
  private readonly abort = new AbortController();
  private readonly ready: Promise<void>;
  private settleReady?: { resolve: () => void; reject: (e: Error) => void };
  private feed?: Feed;
  private loop?: Promise<void>;
  private stopping?: Promise<void>;
  private failures = 0;

  /** @internal */
  constructor(
    private readonly soap: SoapSession,
    private readonly logger: LoggerService,
    private readonly vcenterName: string,
    private readonly requestTimeoutMs: number,
    private readonly options: VCenterWatchOptions,
  ) {
    this.specs = readSpecs(options.specs);
    this.maxWaitSeconds = readMaxWait(options.maxWaitSeconds);
    this.store = new ObjectStore(this.specs);
    this.health = new SourceHealth(
      `vcenter:${vcenterName}`,
      this.maxWaitSeconds * 1000 + DEADLINE_GRACE_MS,
    );
    this.ready = new Promise((resolve, reject) => {
      this.settleReady = { resolve, reject };
    });
    // start() hands the promise out; a failure before anyone asked must not go unhandled
    this.ready.catch(() => {});
  }

  /** Resolves after the first complete sync; rejects if it failed (the loop keeps retrying with backoff). */
  start(): Promise<void> {
    if (!this.loop && !this.stopping) {
      this.loop = this.run();
    }
    return this.ready;
  }

  /** Ends the loop: CancelWaitForUpdates, DestroyPropertyFilter/DestroyView/DestroyPropertyCollector best effort, without throwing. */
  stop(): Promise<void> {
    if (!this.stopping) {
      this.stopping = this.shutDown();
    }
    return this.stopping;
  }

  /** Current properties of every object of a type, keyed by moref value. */
  objects(type: string): ReadonlyMap<string, ObjectProperties> {
    return this.store.objects(type);
  }

  private async shutDown(): Promise<void> {
    const feed = this.feed;
    // Ends the long-poll on the server (so it stops collecting for us) and here at once.
    const cancel = feed
      ? this.cleanupCall(feed.collector, 'CancelWaitForUpdates', 'end a wait')
      : Promise.resolve();
    this.abort.abort();
    this.settleReady?.reject(
      new ServiceUnavailableError(
        `The inventory watch of vCenter '${this.vcenterName}' was stopped`,
      ),
    );
    await Promise.allSettled([cancel, this.loop]);
    await this.tearDown();
  }

  private async run(): Promise<void> {
    while (!this.abort.signal.aborted) {
      try {
        await this.setUp();
        await this.follow();
      } catch (error) {
        if (this.abort.signal.aborted) {
          break;
        }
        this.failed(error);
        if (this.soap.wasSessionLost(error)) {
          // the collector, view and filter ended with the session
          this.feed = undefined;
        }
        await this.tearDown();
        await sleep(this.backoffMs(), this.abort.signal);
      }
    }
  }

  private failed(error: unknown) {
    this.failures++;
    // Our errors name the vCenter and the action, never a credential or a cookie.
    const message =
      error instanceof Error ? error.message : 'unknown error of the watch';
    this.health.failed(
      message,
      error instanceof Error ? error.name : undefined,
    );
    this.settleReady?.reject(
      error instanceof Error ? error : new Error(message),
    );
    this.logger.warn(
      `vCenter '${this.vcenterName}': inventory watch failed, resyncing in ${
        this.backoffMs() / 1000
      } s: ${message}`,
    );
  }

  private backoffMs(): number {
    return Math.min(
      BACKOFF_MAX_MS,
      BACKOFF_FIRST_MS * 2 ** Math.max(0, this.failures - 1),
    );
  }

  /** A private collector, so our filter and waits never disturb other users of the session. */
  private async setUp(): Promise<void> {
    const content = await this.soap.serviceContent();
    const collector = moRefOf(
      await this.call({
        operation: 'CreatePropertyCollector',
        target: content.propertyCollector,
        action: 'create a property collector',
        relogin: true,
      }),
    );
    if (!collector) {
      throw this.unexpected('a property collector');
    }
    const feed: Feed = { collector };
    this.feed = feed;
    feed.view = moRefOf(
      await this.call({
        operation: 'CreateContainerView',
        target: content.viewManager,
        params: [
          moRefEl('container', this.options.container ?? content.rootFolder),
          ...this.specs.map(spec => textEl('type', spec.type)),
          textEl('recursive', true),
        ],
        action: 'create a view of the inventory',
      }),
    );
    if (!feed.view) {
      throw this.unexpected('a view of the inventory');
    }
    feed.filter = moRefOf(
      await this.call({
        operation: 'CreateFilter',
        target: collector,
        params: [
          specSet(feed.view, this.specs, 'spec'),
          textEl('partialUpdates', false),
        ],
        action: 'create a filter of the inventory',
      }),
    );
    if (!feed.filter) {
      throw this.unexpected('a property filter');
    }
  }

  /** Long-polls from version '' (a full sync) until a failure or stop. */
  private async follow(): Promise<void> {
    const collector = this.feed!.collector;
    const resync = this.health.status().lastSyncedAt !== undefined;
    let version = '';
    let syncing = true;
    let changes: VCenterObjectChange[] = [];
    this.store.beginResync();
    while (!this.abort.signal.aborted) {
      const set = parseUpdateSet(
        await this.call({
          operation: 'WaitForUpdatesEx',
          target: collector,
          params: [
            textEl('version', version),
            el(
              'options',
              undefined,
              textEl('maxWaitSeconds', this.maxWaitSeconds),
              textEl('maxObjectUpdates', MAX_OBJECT_UPDATES),
            ),
          ],
          action: 'wait for inventory updates',
          // the answer may take maxWaitSeconds by design
          timeoutMs:
            this.maxWaitSeconds * 1000 +
            (version === ''
              ? Math.max(this.requestTimeoutMs, FULL_SYNC_TIMEOUT_MS)
              : this.requestTimeoutMs),
        }),
      );
      if (set) {
        for (const update of set.objects) {
          const change = this.store.apply(update);
          if (change) {
            changes.push(change);
          }
        }
        version = set.version;
        if (set.truncated) {
          continue;
        }
      }
      if (syncing) {
        syncing = false;
        changes.push(...this.store.endResync());
        this.failures = 0;
        this.settleReady?.resolve();
        this.settleReady = undefined;
        this.logger.info(
          `vCenter '${this.vcenterName}': inventory watch ${
            resync ? 'resynced' : 'synced'
          }, ${this.specs
            .map(s => `${this.store.objects(s.type).size} ${s.type}`)
            .join(', ')}`,
        );
      } else if (changes.length === 0) {
        // the keep-alive: nothing changed within maxWaitSeconds
        this.health.synced();
        continue;
      }
      this.health.synced();
      this.notify(changes);
      changes = [];
    }
  }

  private notify(changes: VCenterObjectChange[]) {
    try {
      this.options.onChange?.(changes);
    } catch (error) {
      this.logger.warn(
        `vCenter '${this.vcenterName}': an inventory listener failed: ${
          (error as Error).message
        }`,
      );
    }
  }

  /** Destroys the feed's server objects, best effort; they die with the session anyway. */
  private async tearDown(): Promise<void> {
    const feed = this.feed;
    this.feed = undefined;
    if (!feed) {
      return;
    }
    await Promise.allSettled([
      feed.filter &&
        this.cleanupCall(
          feed.filter,
          'DestroyPropertyFilter',
          'destroy a filter',
        ),
      feed.view && this.cleanupCall(feed.view, 'DestroyView', 'destroy a view'),
    ]);
    await this.cleanupCall(
      feed.collector,
      'DestroyPropertyCollector',
      'destroy a property collector',
    );
  }

  /** A cleanup call without the watch's signal (stop aborts it), never throwing. */
  private async cleanupCall(target: MoRef, operation: string, action: string) {
    try {
      await this.soap.call({
        endpoint: 'vim',
        operation,
        target,
        idempotent: false,
        relogin: false,
        action,
        timeoutMs: CLEANUP_TIMEOUT_MS,
      });
    } catch (error) {
      this.logger.debug(
        `vCenter '${this.vcenterName}': inventory watch cleanup: ${
          (error as Error).message
        }`,
      );
    }
  }

  /** Every object here is session-bound: no silent relogin but a full resync. */
  private call(call: Omit<SoapCall, 'endpoint' | 'idempotent'>) {
    return this.soap.call({
      endpoint: 'vim',
      idempotent: false,
      relogin: false,
      signal: this.abort.signal,
      ...call,
    });
  }

  private unexpected(what: string): Error {
    return new ServiceUnavailableError(
      `vCenter '${this.vcenterName}' did not return ${what} for the inventory watch`,
    );
  }
}
