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
  vcenterField?: string;
  supervisorField?: string;
  namespaceField?: string;
}

/** Kinds whose options exist only within a namespace. */
const NAMESPACED: PickerKind[] = ['images', 'clusters'];

function stringAt(data: Record<string, unknown>, key: string) {
  const value = data[key];
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * The scope of an option list from the picker's options and the rest of the form; undefined
 * while a namespaced kind has no namespace yet.
 */
export function pickerQuery(
  kind: PickerKind,
  options: VspherePickerUiOptions,
  formData: Record<string, unknown>,
): ListOptionsQuery | undefined {
  const query: ListOptionsQuery = {
    vcenter:
      options.vcenter ?? stringAt(formData, options.vcenterField ?? 'vcenter'),
    supervisor:
      options.supervisor ??
      stringAt(formData, options.supervisorField ?? 'supervisor'),
    namespace:
      options.namespace ??
      stringAt(formData, options.namespaceField ?? 'namespace'),
  };
  if (kind === 'vcenters') {
    return {};
  }
  if (NAMESPACED.includes(kind) && !query.namespace) {
    return undefined;
  }
  return Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== undefined),
  );
}
