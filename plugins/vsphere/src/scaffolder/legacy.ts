import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { vspherePlugin } from '../plugin';
import { vsphereFields } from './pickers';

const provide = (name: string) => {
  const { component } = vsphereFields.find(f => f.name === name)!;
  return vspherePlugin.provide(
    createScaffolderFieldExtension({ name, component }),
  );
};

/**
 * Picks a configured vCenter (`ui:field: VsphereVCenterPicker`), for apps on the legacy frontend system.
 * @public
 */
export const VsphereVCenterPickerFieldExtension = provide(
  'VsphereVCenterPicker',
);

/**
 * Picks a Supervisor of the chosen vCenter (`ui:field: VsphereSupervisorPicker`).
 * @public
 */
export const VsphereSupervisorPickerFieldExtension = provide(
  'VsphereSupervisorPicker',
);

/**
 * Picks a Supervisor namespace (`ui:field: VsphereNamespacePicker`).
 * @public
 */
export const VsphereNamespacePickerFieldExtension = provide(
  'VsphereNamespacePicker',
);

/**
 * Picks one or (for an array field) several storage policies (`ui:field: VsphereStoragePolicyPicker`).
 * @public
 */
export const VsphereStoragePolicyPickerFieldExtension = provide(
  'VsphereStoragePolicyPicker',
);

/**
 * Picks one or several VM classes (`ui:field: VsphereVmClassPicker`).
 * @public
 */
export const VsphereVmClassPickerFieldExtension = provide(
  'VsphereVmClassPicker',
);

/**
 * Picks a VM image the chosen namespace can use (`ui:field: VsphereImagePicker`).
 * @public
 */
export const VsphereImagePickerFieldExtension = provide('VsphereImagePicker');

/**
 * Picks one or several content libraries (`ui:field: VsphereContentLibraryPicker`).
 * @public
 */
export const VsphereContentLibraryPickerFieldExtension = provide(
  'VsphereContentLibraryPicker',
);

/**
 * Picks a workload cluster of the chosen namespace (`ui:field: VsphereClusterPicker`).
 * @public
 */
export const VsphereClusterPickerFieldExtension = provide(
  'VsphereClusterPicker',
);

/**
 * Picks a node pool of the chosen cluster (`ui:field: VsphereNodePoolPicker`).
 * @public
 */
export const VsphereNodePoolPickerFieldExtension = provide(
  'VsphereNodePoolPicker',
);

/**
 * Picks a Kubernetes version the chosen namespace's images provide, within the range of the chosen
 * ClusterClass (`ui:field: VsphereKubernetesVersionPicker`).
 * @public
 */
export const VsphereKubernetesVersionPickerFieldExtension = provide(
  'VsphereKubernetesVersionPicker',
);

/**
 * Picks one or (for an array field) several vSphere zones of the chosen Supervisor, or of the
 * chosen namespace (`ui:field: VsphereZonePicker`).
 * @public
 */
export const VsphereZonePickerFieldExtension = provide('VsphereZonePicker');
