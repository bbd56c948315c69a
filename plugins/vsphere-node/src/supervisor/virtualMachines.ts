import { JsonObject } from '@backstage/types';
import { VmServiceVm } from '@backstage-vsphere/plugin-vsphere-common';
import { API_GROUP_NAMES } from './resources';
import { isClusterNodeVm } from './clusterNodes';
import {
  KubeObject,
  assignDefined,
  conditionsAt,
  stringAt,
  timeAt,
} from './objects';

/**
 * The desired state of a VM Service VM, independent of the VM Operator API version.
 * @public
 */
export interface VirtualMachineSpec {
  name: string;
  namespace: string;
  className: string;
  imageName: string;
  /** Whether the image is namespaced or cluster-wide; set to also write `spec.image` (v1alpha3+). */
  imageKind?: 'VirtualMachineImage' | 'ClusterVirtualMachineImage';
  storageClass?: string;
  powerState?: 'PoweredOn' | 'PoweredOff' | 'Suspended';
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** `spec.bootstrap` as the served version defines it (e.g. cloudInit). */
  bootstrap?: JsonObject;
  /** `spec.network` as the served version defines it. */
  network?: JsonObject;
}

/**
 * A VirtualMachine object (any served version) as the common type.
 * @public
 */
export function toVmServiceVm(vm: KubeObject): VmServiceVm {
  const result: VmServiceVm = {
    name: vm.metadata.name,
    namespace: vm.metadata.namespace ?? '',
    conditions: conditionsAt(vm, 'status', 'conditions'),
    labels: { ...(vm.metadata.labels ?? {}) },
  };
  return assignDefined(result, {
    className: stringAt(vm, 'spec', 'className'),
    // v1alpha3+ may name the image only through spec.image.
    imageName:
      stringAt(vm, 'spec', 'imageName') ??
      stringAt(vm, 'spec', 'image', 'name'),
    storageClass: stringAt(vm, 'spec', 'storageClass'),
    desiredPowerState: stringAt(vm, 'spec', 'powerState'),
    powerState: stringAt(vm, 'status', 'powerState'),
    primaryIP4: stringAt(vm, 'status', 'network', 'primaryIP4'),
    uniqueID: stringAt(vm, 'status', 'uniqueID'),
    zone: stringAt(vm, 'status', 'zone'),
    createdAt: timeAt(vm, 'metadata', 'creationTimestamp'),
    deletingSince: timeAt(vm, 'metadata', 'deletionTimestamp'),
    clusterNode: isClusterNodeVm(vm) || undefined,
  });
}

/** The server-side-apply body for a VM in the given VM Operator version. */
export function virtualMachineManifest(
  spec: VirtualMachineSpec,
  version: string,
): KubeObject {
  const body: Record<string, unknown> = {
    className: spec.className,
    imageName: spec.imageName,
  };
  if (spec.imageKind && version !== 'v1alpha2') {
    body.image = { kind: spec.imageKind, name: spec.imageName };
  }
  if (spec.storageClass) body.storageClass = spec.storageClass;
  if (spec.powerState) body.powerState = spec.powerState;
  if (spec.bootstrap) body.bootstrap = spec.bootstrap;
  if (spec.network) body.network = spec.network;
  const metadata: KubeObject['metadata'] = {
    name: spec.name,
    namespace: spec.namespace,
  };
  if (spec.labels) metadata.labels = spec.labels;
  if (spec.annotations) metadata.annotations = spec.annotations;
  return {
    apiVersion: `${API_GROUP_NAMES.vmOperator}/${version}`,
    kind: 'VirtualMachine',
    metadata,
    spec: body,
  };
}
