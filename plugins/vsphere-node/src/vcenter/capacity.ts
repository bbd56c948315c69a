import { HostCapacity } from '@backstage-vsphere/plugin-vsphere-common';
import { ObjectProperties, PropertySpec } from './propertyCollector';
import { moRefOf, textOf } from './soapXml';

/** Host sizes and quick stats: the numbers the vSphere Client's host summary shows. */
export const HOST_USAGE_SPEC: PropertySpec = {
  type: 'HostSystem',
  paths: [
    'name',
    'parent',
    'runtime.connectionState',
    'runtime.inMaintenanceMode',
    'summary.hardware.numCpuCores',
    'summary.hardware.cpuMhz',
    'summary.hardware.memorySize',
    'summary.quickStats.overallCpuUsage',
    'summary.quickStats.overallMemoryUsage',
  ],
};

/**
 * A host's usage, with the managed object id of its cluster.
 * @public
 */
export interface HostUsage extends HostCapacity {
  cluster?: string;
}

function num(o: ObjectProperties, path: string): number {
  const value = Number(textOf(o.props[path]));
  return Number.isFinite(value) ? value : 0;
}

export function toHostUsage(o: ObjectProperties): HostUsage {
  const parent = moRefOf(o.props.parent);
  const connected =
    (textOf(o.props['runtime.connectionState']) ?? 'connected') === 'connected';
  const maintenance = textOf(o.props['runtime.inMaintenanceMode']) === 'true';
  return {
    moref: o.ref.value,
    name: textOf(o.props.name) || o.ref.value,
    cluster:
      parent?.type === 'ClusterComputeResource' ? parent.value : undefined,
    cpuCores: num(o, 'summary.hardware.numCpuCores'),
    // cpuMhz is per core, as vCenter reports it
    cpuCapacityMHz:
      num(o, 'summary.hardware.numCpuCores') *
      num(o, 'summary.hardware.cpuMhz'),
    cpuUsedMHz: num(o, 'summary.quickStats.overallCpuUsage'),
    memoryCapacityMiB: Math.floor(
      num(o, 'summary.hardware.memorySize') / (1024 * 1024),
    ),
    // overallMemoryUsage is in MB (MiB), vCenter's unit
    memoryUsedMiB: num(o, 'summary.quickStats.overallMemoryUsage'),
    available: connected && !maintenance,
  };
}
