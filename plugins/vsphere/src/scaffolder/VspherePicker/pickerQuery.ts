import { PickerKind } from '@backstage-vsphere/plugin-vsphere-common';
import { ListOptionsQuery } from '../../api';

/**
 * `ui:options` of the vSphere pickers. Each scope is a fixed value, or else read from another
 * parameter of the form (by default the ones named `vcenter`, `supervisor` and `namespace`).
 * @public
 */
export interface VspherePickerUiOptions {
  vcenter?: string;
  supervisor?: string;
  namespace?: string;
  cluster?: string;
  /** For the Kubernetes version picker: the ClusterClass (else the form's `clusterClass`). */
  clusterClass?: string;
  vcenterField?: string;
  supervisorField?: string;
  namespaceField?: string;
  clusterField?: string;
  clusterClassField?: string;
}

/** Kinds whose options exist only within a namespace. */
const NAMESPACED: PickerKind[] = [
  'images',
  'clusters',
  'node-pools',
  'kubernetes-versions',
];

/**
 * What a picker still needs from the rest of the form before it can list anything.
 * @public
 */
export type PickerScopeNeeded = 'namespace' | 'cluster';

/** The first scope a picker of this kind lacks, if any. */
function missingScope(
  kind: PickerKind,
  query: ListOptionsQuery,
): PickerScopeNeeded | undefined {
  if (NAMESPACED.includes(kind) && !query.namespace) return 'namespace';
  if (kind === 'node-pools' && !query.cluster) return 'cluster';
  return undefined;
}

function stringAt(data: Record<string, unknown>, key: string) {
  const value = data[key];
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * The scope of an option list from the picker's options and the rest of the form, with what is
 * still missing: a namespace for namespaced kinds, and a cluster for node pools.
 */
export function pickerScope(
  kind: PickerKind,
  options: VspherePickerUiOptions,
  formData: Record<string, unknown>,
): { query?: ListOptionsQuery; missing?: PickerScopeNeeded } {
  if (kind === 'vcenters') {
    return { query: {} };
  }
  const query: ListOptionsQuery = {
    vcenter:
      options.vcenter ?? stringAt(formData, options.vcenterField ?? 'vcenter'),
    supervisor:
      options.supervisor ??
      stringAt(formData, options.supervisorField ?? 'supervisor'),
    namespace:
      options.namespace ??
      stringAt(formData, options.namespaceField ?? 'namespace'),
    cluster:
      kind === 'node-pools'
        ? options.cluster ??
          stringAt(formData, options.clusterField ?? 'cluster')
        : undefined,
    // without one the backend uses the class vsphere:cluster:create defaults to
    clusterClass:
      kind === 'kubernetes-versions'
        ? options.clusterClass ??
          stringAt(formData, options.clusterClassField ?? 'clusterClass')
        : undefined,
  };
  const missing = missingScope(kind, query);
  if (missing) {
    return { missing };
  }
  return {
    query: Object.fromEntries(
      Object.entries(query).filter(([, v]) => v !== undefined),
    ),
  };
}

/** The scope of an option list; undefined while something it needs is not chosen yet. */
export function pickerQuery(
  kind: PickerKind,
  options: VspherePickerUiOptions,
  formData: Record<string, unknown>,
): ListOptionsQuery | undefined {
  return pickerScope(kind, options, formData).query;
}
