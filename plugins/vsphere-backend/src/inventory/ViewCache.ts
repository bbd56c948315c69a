import { InventoryChange } from '@backstage-vsphere/plugin-vsphere-node';

/** Which namespace a view shows, as the snapshot names it in its change notices. */
export interface ViewNamespace {
  vcenter: string;
  supervisor: string;
  namespace: string;
}

interface CachedView<T> {
  namespaceKey: string;
  builtAt: number;
  view: T;
}

const namespaceKeyOf = (ns: ViewNamespace) =>
  `${ns.vcenter}/${ns.supervisor}/${ns.namespace}`;

/**
 * Views built from the snapshot, kept until the snapshot says their namespace changed (or a
 * source's state flipped), so a page viewed by many builds once per change, not once per view.
 * Bounded in entries and in age: an age cap keeps each source's `lastSyncedAt` recent.
 */
export class ViewCache<T> {
  private readonly views = new Map<string, CachedView<T>>();
  private readonly building = new Map<string, Promise<T>>();
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly options: { maxEntries: number; maxAgeMs: number },
  ) {}

  /** What the snapshot's subscribe() hands to its listeners. */
  readonly onChange = (change: InventoryChange) => {
    const key = namespaceKeyOf(change);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    for (const [viewKey, cached] of this.views) {
      if (cached.namespaceKey === key) this.views.delete(viewKey);
    }
  };

  /**
   * The cached view, or one built now; concurrent callers of the same view share one build.
   * `keep` says whether a built view may be cached (not while a source syncs or fails).
   */
  async get(
    ns: ViewNamespace,
    viewKey: string,
    build: () => Promise<T>,
    keep: (view: T) => boolean,
  ): Promise<T> {
    const key = `${namespaceKeyOf(ns)}|${viewKey}`;
    const cached = this.views.get(key);
    if (cached && Date.now() - cached.builtAt < this.options.maxAgeMs) {
      return cached.view;
    }
    const running = this.building.get(key);
    if (running) return running;
    const namespaceKey = namespaceKeyOf(ns);
    const generation = this.generations.get(namespaceKey) ?? 0;
    const promise = build().then(view => {
      // a change that arrived while building makes this view old already
      const unchanged =
        (this.generations.get(namespaceKey) ?? 0) === generation;
      if (unchanged && keep(view)) this.store(key, namespaceKey, view);
      return view;
    });
    this.building.set(key, promise);
    try {
      return await promise;
    } finally {
      this.building.delete(key);
    }
  }

  private store(key: string, namespaceKey: string, view: T) {
    this.views.delete(key);
    if (this.views.size >= this.options.maxEntries) {
      // Map keeps insertion order: the first key is the oldest view
      const oldest = this.views.keys().next().value;
      if (oldest !== undefined) this.views.delete(oldest);
    }
    this.views.set(key, { namespaceKey, builtAt: Date.now(), view });
  }
}
