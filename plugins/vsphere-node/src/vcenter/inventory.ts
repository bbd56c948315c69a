import { VCenterVm } from '@backstage-vsphere/plugin-vsphere-common';
import { ObjectProperties, PropertySpec } from './propertyCollector';
import { MoRef, asArray, moRefOf, textOf } from './soapXml';
import { isObject } from './wire';
import {
  VCenterCluster,
  VCenterDatastore,
  VCenterHost,
  VCenterResourcePool,
} from './types';

const MIB = 1024 * 1024;

function text(o: ObjectProperties, path: string): string | undefined {
  return textOf(o.props[path]) || undefined;
}

function num(o: ObjectProperties, path: string): number | undefined {
  const value = textOf(o.props[path]);
  if (value === undefined || value.trim() === '') {
    return undefined;
  }
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function bool(o: ObjectProperties, path: string): boolean | undefined {
  const value = textOf(o.props[path]);
  return value === undefined ? undefined : value === 'true';
}

function ref(o: ObjectProperties, path: string) {
  return moRefOf(o.props[path]);
}

/** The values of an ArrayOfManagedObjectReference property. */
function refs(o: ObjectProperties, path: string): string[] {
  const node = o.props[path];
  return asArray(isObject(node) ? node.ManagedObjectReference : undefined)
    .map(textOf)
    .filter((v): v is string => Boolean(v));
}

/** The hosts and datastores the VMs run on, each once, to read their names. */
export function placementRefs(vms: ObjectProperties[]): MoRef[] {
  const found = new Map<string, MoRef>();
  for (const vm of vms) {
    const host = ref(vm, 'runtime.host');
    if (host) found.set(`${host.type}:${host.value}`, host);
    for (const value of refs(vm, 'datastore')) {
      found.set(`Datastore:${value}`, { type: 'Datastore', value });
    }
  }
  return [...found.values()];
}

function bytesToMiB(bytes: number | undefined): number | undefined {
  return bytes === undefined ? undefined : Math.floor(bytes / MIB);
}

export const VM_SPEC: PropertySpec = {
  type: 'VirtualMachine',
  paths: [
    'name',
    'runtime.powerState',
    'config.hardware.numCPU',
    'config.hardware.memoryMB',
    'guest.guestFullName',
    'config.guestFullName',
    'guest.ipAddress',
    'runtime.host',
    'datastore',
    'resourcePool',
    'parent',
    'config.instanceUuid',
  ],
};

/** Only names, to join host and datastore names into VMs. */
export const NAME_SPECS: PropertySpec[] = [
  { type: 'HostSystem', paths: ['name'] },
  { type: 'Datastore', paths: ['name'] },
];

export function toNameMap(objects: ObjectProperties[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const o of objects) {
    const name = text(o, 'name');
    if (name) {
      names.set(o.ref.value, name);
    }
  }
  return names;
}

export function toVm(
  o: ObjectProperties,
  names: Pick<Map<string, string>, 'get'>,
): VCenterVm {
  const host = ref(o, 'runtime.host')?.value;
  const datastores = refs(o, 'datastore');
  const datastoreNames = datastores
    .map(ds => names.get(ds))
    .filter((n): n is string => Boolean(n));
  return {
    moref: o.ref.value,
    name: text(o, 'name') ?? o.ref.value,
    powerState: text(o, 'runtime.powerState') ?? 'unknown',
    cpuCount: num(o, 'config.hardware.numCPU'),
    memoryMiB: num(o, 'config.hardware.memoryMB'),
    guestOs: text(o, 'guest.guestFullName') ?? text(o, 'config.guestFullName'),
    ipAddress: text(o, 'guest.ipAddress'),
    host,
    hostName: host ? names.get(host) : undefined,
    datastores,
    datastoreNames: datastoreNames.length ? datastoreNames : undefined,
    resourcePool: ref(o, 'resourcePool')?.value,
    folder: ref(o, 'parent')?.value,
    instanceUuid: text(o, 'config.instanceUuid'),
  };
}

export const HOST_SPEC: PropertySpec = {
  type: 'HostSystem',
  paths: [
    'name',
    'parent',
    'runtime.connectionState',
    'runtime.powerState',
    'runtime.inMaintenanceMode',
    'summary.hardware.numCpuCores',
    'summary.hardware.cpuMhz',
    'summary.hardware.memorySize',
    'summary.config.product.fullName',
  ],
};

export function toHost(o: ObjectProperties): VCenterHost {
  const parent = ref(o, 'parent');
  return {
    moref: o.ref.value,
    name: text(o, 'name') ?? o.ref.value,
    cluster:
      parent?.type === 'ClusterComputeResource' ? parent.value : undefined,
    connectionState: text(o, 'runtime.connectionState'),
    powerState: text(o, 'runtime.powerState'),
    inMaintenanceMode: bool(o, 'runtime.inMaintenanceMode'),
    cpuCores: num(o, 'summary.hardware.numCpuCores'),
    cpuMHz: num(o, 'summary.hardware.cpuMhz'),
    memoryMiB: bytesToMiB(num(o, 'summary.hardware.memorySize')),
    product: text(o, 'summary.config.product.fullName'),
  };
}

export const CLUSTER_SPEC: PropertySpec = {
  type: 'ClusterComputeResource',
  paths: [
    'name',
    'host',
    'datastore',
    'resourcePool',
    'summary.numHosts',
    'summary.numEffectiveHosts',
    'summary.totalCpu',
    'summary.totalMemory',
    'configuration.drsConfig.enabled',
    'configuration.dasConfig.enabled',
  ],
};

export function toCluster(o: ObjectProperties): VCenterCluster {
  return {
    moref: o.ref.value,
    name: text(o, 'name') ?? o.ref.value,
    hosts: refs(o, 'host'),
    datastores: refs(o, 'datastore'),
    resourcePool: ref(o, 'resourcePool')?.value,
    numHosts: num(o, 'summary.numHosts'),
    numEffectiveHosts: num(o, 'summary.numEffectiveHosts'),
    totalCpuMHz: num(o, 'summary.totalCpu'),
    totalMemoryMiB: bytesToMiB(num(o, 'summary.totalMemory')),
    drsEnabled: bool(o, 'configuration.drsConfig.enabled'),
    haEnabled: bool(o, 'configuration.dasConfig.enabled'),
  };
}

export const DATASTORE_SPEC: PropertySpec = {
  type: 'Datastore',
  paths: [
    'name',
    'summary.type',
    'summary.capacity',
    'summary.freeSpace',
    'summary.accessible',
    'summary.url',
  ],
};

export function toDatastore(o: ObjectProperties): VCenterDatastore {
  return {
    moref: o.ref.value,
    name: text(o, 'name') ?? o.ref.value,
    type: text(o, 'summary.type'),
    capacityBytes: num(o, 'summary.capacity'),
    freeSpaceBytes: num(o, 'summary.freeSpace'),
    accessible: bool(o, 'summary.accessible'),
    url: text(o, 'summary.url'),
  };
}

export const RESOURCE_POOL_SPEC: PropertySpec = {
  type: 'ResourcePool',
  paths: [
    'name',
    'parent',
    'owner',
    'config.cpuAllocation.limit',
    'config.cpuAllocation.reservation',
    'config.memoryAllocation.limit',
    'config.memoryAllocation.reservation',
  ],
};

export function toResourcePool(o: ObjectProperties): VCenterResourcePool {
  return {
    moref: o.ref.value,
    name: text(o, 'name') ?? o.ref.value,
    parent: ref(o, 'parent')?.value,
    owner: ref(o, 'owner')?.value,
    cpuLimitMHz: num(o, 'config.cpuAllocation.limit'),
    cpuReservationMHz: num(o, 'config.cpuAllocation.reservation'),
    memoryLimitMiB: num(o, 'config.memoryAllocation.limit'),
    memoryReservationMiB: num(o, 'config.memoryAllocation.reservation'),
  };
}
