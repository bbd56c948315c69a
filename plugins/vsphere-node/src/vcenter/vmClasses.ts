import { RestSession } from './RestSession';
import { VCenterCallOptions, VmClass } from './types';
import { compact, readNumber, readString, readText } from './wire';

const VM_CLASSES = '/api/vcenter/namespace-management/virtual-machine-classes';

/** Reads a VM class; memory is `memory_MB` on vCenter, `memory_mb` on some builds. */
export function vmClassFromWire(raw: unknown, id?: string): VmClass {
  return compact<VmClass>({
    id: readString(raw, 'id') ?? id ?? '',
    cpuCount: readNumber(raw, 'cpu_count'),
    memoryMiB: readNumber(raw, 'memory_MB', 'memory_MiB', 'memory_size_MiB'),
    cpuReservationPercent: readNumber(raw, 'cpu_reservation'),
    memoryReservationPercent: readNumber(raw, 'memory_reservation'),
    description: readText(raw, 'description'),
    configStatus: readText(raw, 'config_status'),
  });
}

export async function listVmClasses(
  rest: RestSession,
  options: VCenterCallOptions = {},
): Promise<VmClass[]> {
  const body = await rest.call({
    method: 'GET',
    path: VM_CLASSES,
    idempotent: true,
    action: 'list VM classes',
    signal: options.signal,
  });
  return (Array.isArray(body) ? body : []).map(raw => vmClassFromWire(raw));
}

export async function getVmClass(
  rest: RestSession,
  id: string,
  options: VCenterCallOptions = {},
): Promise<VmClass> {
  const body = await rest.call({
    method: 'GET',
    path: `${VM_CLASSES}/${encodeURIComponent(id)}`,
    idempotent: true,
    action: `get VM class '${id}'`,
    signal: options.signal,
  });
  return vmClassFromWire(body, id);
}
