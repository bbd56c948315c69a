import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { PickerKind } from '@backstage-vsphere/plugin-vsphere-common';
import { VspherePicker, VspherePickerUiOptions } from './VspherePicker';

/** A scaffolder field: its `ui:field` name and the option kind it lists. */
export interface VsphereFieldDefinition {
  name: string;
  kind: PickerKind;
  component: (
    props: FieldExtensionComponentProps<
      string | string[],
      VspherePickerUiOptions
    >,
  ) => JSX.Element;
}

function field(name: string, kind: PickerKind): VsphereFieldDefinition {
  const component = (
    props: FieldExtensionComponentProps<
      string | string[],
      VspherePickerUiOptions
    >,
  ) => <VspherePicker {...props} kind={kind} />;
  return { name, kind, component };
}

/** Every vSphere picker, by the `ui:field` name templates use. */
export const vsphereFields = [
  field('VsphereVCenterPicker', 'vcenters'),
  field('VsphereSupervisorPicker', 'supervisors'),
  field('VsphereNamespacePicker', 'namespaces'),
  field('VsphereStoragePolicyPicker', 'storage-policies'),
  field('VsphereVmClassPicker', 'vm-classes'),
  field('VsphereImagePicker', 'images'),
  field('VsphereContentLibraryPicker', 'content-libraries'),
  field('VsphereClusterPicker', 'clusters'),
  field('VsphereNodePoolPicker', 'node-pools'),
  field('VsphereKubernetesVersionPicker', 'kubernetes-versions'),
  field('VsphereZonePicker', 'zones'),
];
