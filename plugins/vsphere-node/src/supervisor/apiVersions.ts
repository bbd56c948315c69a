import { API_GROUP_NAMES, SupervisorApiGroup } from './resources';

/**
 * Versions the client can read and write, best first, per API group.
 * @public
 */
export type SupervisorVersionPreferences = Partial<
  Record<SupervisorApiGroup, string[]>
>;

/**
 * The version of each group the client uses on one Supervisor; missing when the group is not served.
 * @public
 */
export type SupervisorApiVersions = Partial<Record<SupervisorApiGroup, string>>;

/**
 * VM Operator before v1alpha2 has other field names; v1alpha6 only adds fields (a per-VM size).
 * Cluster API before v1beta1 has no topology.
 */
export const SUPPORTED_VERSIONS: Record<SupervisorApiGroup, string[]> = {
  vmOperator: ['v1alpha6', 'v1alpha5', 'v1alpha4', 'v1alpha3', 'v1alpha2'],
  clusterApi: ['v1beta2', 'v1beta1'],
  tanzu: ['v1alpha3', 'v1alpha2'],
};

/**
 * The part of an APIGroupList (`GET /apis`) that version selection reads.
 *
 * @public
 */
export interface ServedGroup {
  name: string;
  versions: Array<{ version: string }>;
}

/**
 * Picks, per group, the first supported version the server serves (preferences first when given).
 * @public
 */
export function selectApiVersions(
  groups: ServedGroup[],
  preferences: SupervisorVersionPreferences = {},
): SupervisorApiVersions {
  const selected: SupervisorApiVersions = {};
  for (const key of Object.keys(API_GROUP_NAMES) as SupervisorApiGroup[]) {
    const served = new Set(
      groups
        .find(group => group.name === API_GROUP_NAMES[key])
        ?.versions.map(v => v.version) ?? [],
    );
    const wanted = preferences[key] ?? SUPPORTED_VERSIONS[key];
    const version = wanted.find(
      v => served.has(v) && SUPPORTED_VERSIONS[key].includes(v),
    );
    if (version) {
      selected[key] = version;
    }
  }
  return selected;
}

/**
 * Remembers the discovered versions for a while; concurrent callers share one discovery request.
 */
export class ApiVersionCache {
  private cached?: { at: number; versions: Promise<SupervisorApiVersions> };

  constructor(
    private readonly discover: () => Promise<ServedGroup[]>,
    private readonly preferences: SupervisorVersionPreferences,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<SupervisorApiVersions> {
    if (this.cached && this.now() - this.cached.at < this.ttlMs) {
      return this.cached.versions;
    }
    const versions = this.discover().then(groups =>
      selectApiVersions(groups, this.preferences),
    );
    const entry = { at: this.now(), versions };
    this.cached = entry;
    // A failed discovery must not be remembered: the next call tries again.
    versions.catch(() => {
      if (this.cached === entry) {
        this.cached = undefined;
      }
    });
    return versions;
  }
}
