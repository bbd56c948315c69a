import {
  EntityOverview,
  PickerKind,
  PickerOption,
} from '@backstage-vsphere/plugin-vsphere-common';

/** Where an overview reads from: a vCenter, one of its Supervisors and a namespace. */
export interface OverviewTarget {
  entityRef: string;
  vcenter: string;
  supervisor?: string;
  namespace: string;
  vmSelector?: string;
  cluster?: string;
  vm?: string;
}

/** Filters of a picker's option list. */
export interface OptionsQuery {
  vcenter?: string;
  supervisor?: string;
  namespace?: string;
  /** Scopes `node-pools` to one workload cluster of the namespace. */
  cluster?: string;
  /** Narrows `kubernetes-versions` to the range this ClusterClass supports. */
  clusterClass?: string;
}

/**
 * What the entity pages and pickers read. Implementations decide how fresh the data is;
 * upstream load must not grow with the number of viewers.
 */
export interface VsphereInventory {
  getEntityOverview(
    target: OverviewTarget,
  ): Promise<Omit<EntityOverview, 'allowed'>>;
  listOptions(kind: PickerKind, query: OptionsQuery): Promise<PickerOption[]>;
  /** Forgets what was read of a namespace after a change to it, on every replica. */
  invalidateNamespace(target: Omit<OverviewTarget, 'entityRef'>): Promise<void>;
}
