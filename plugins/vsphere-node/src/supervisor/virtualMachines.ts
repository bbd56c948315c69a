import { InputError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import { VmServiceVm, VmSize } from '@backstage-vsphere/plugin-vsphere-common';
import { API_GROUP_NAMES } from './resources';
import { isClusterNodeVm } from './clusterNodes';
import {
  KubeObject,
  assignDefined,
  conditionsAt,
  stringAt,
  timeAt,
  valueAt,
} from './objects';

/** The first VM Operator version whose VirtualMachine has `spec.resources` (a per-VM size). */
export const VM_SIZE_VERSION = 'v1alpha6';

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
  /** A size that overrides the class's (`spec.resources.size`); VM Operator v1alpha6 and later. */
  size?: VmSize;
}

/** A quantity (`4`, `"4"`, `"8Gi"`) as a string; undefined when absent or empty. */
function quantityString(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value ? value : undefined;
}

/** `spec.resources.size` of a v1alpha6 VM; undefined on older versions, which have no such field. */
function sizeOf(vm: KubeObject): VmSize | undefined {
  const cpu = quantityString(valueAt(vm, 'spec', 'resources', 'size', 'cpu'));
  const memory = quantityString(
    valueAt(vm, 'spec', 'resources', 'size', 'memory'),
  );
  const cpus = cpu !== undefined && /^\d+$/.test(cpu) ? Number(cpu) : undefined;
  if (cpus === undefined && memory === undefined) return undefined;
  return assignDefined<VmSize>({}, { cpus, memory });
}

/** VM Operator versions are v1alphaN; N orders them. */
function vmOperatorRevision(version: string): number {
  const match = /^v1alpha(\d+)$/.exec(version);
  return match ? Number(match[1]) : 0;
}

/**
 * Whether the served VM Operator version has `spec.resources.size` (a VM sized apart from its class).
 * @public
 */
export function supportsVmSize(version: string): boolean {
  return vmOperatorRevision(version) >= vmOperatorRevision(VM_SIZE_VERSION);
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
    size: sizeOf(vm),
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
  if (spec.size && (spec.size.cpus !== undefined || spec.size.memory)) {
    if (!supportsVmSize(version)) {
      // Older versions would prune the field and create a VM of the class's size.
      throw new InputError(
        `size: a VM sized apart from its class (spec.resources.size) needs VM Operator ${VM_SIZE_VERSION} or later; this Supervisor serves ${version}`,
      );
    }
    const size: Record<string, unknown> = {};
    if (spec.size.cpus !== undefined) size.cpu = spec.size.cpus;
    if (spec.size.memory) size.memory = spec.size.memory;
    body.resources = { size };
  }
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
