import {
  ResourceCapacity,
  SupervisorCapacity,
} from '@backstage-vsphere/plugin-vsphere-common';

/**
 * What a fit check found: refusals (the request cannot fit) and warnings (only overcommit grows).
 * @public
 */
export interface FitResult {
  refusals: string[];
  warnings: string[];
}

/**
 * What a request needs in CPU and memory beyond what exists today.
 * @public
 */
export interface FitAsk {
  cpuMHz: number;
  memoryMiB: number;
}

type Unit = ResourceCapacity['unit'];
const RESOURCES: { key: keyof FitAsk; label: string; unit: Unit }[] = [
  { key: 'cpuMHz', label: 'CPU', unit: 'MHz' },
  { key: 'memoryMiB', label: 'memory', unit: 'MiB' },
];

function human(value: number, unit: Unit): string {
  if (unit === 'MHz') {
    return value >= 1000
      ? `${Math.round(value / 100) / 10} GHz`
      : `${value} MHz`;
  }
  return value >= 1024
    ? `${Math.round(value / 102.4) / 10} GiB`
    : `${value} MiB`;
}

/**
 * The cluster's average MHz per core: what one vCPU of a VM class means on these hosts.
 * @public
 */
export function mhzPerCore(capacity: SupervisorCapacity): number {
  const cores = capacity.hosts
    .filter(h => h.available)
    .reduce((a, h) => a + h.cpuCores, 0);
  return cores > 0 ? capacity.cpu.capacity / cores : 0;
}

/**
 * Whether new VMs fit: in the namespace's limits (used + asked) and in the cluster's free
 * capacity (hosts' capacity - used). Every refusal names asked, free and limit.
 * @public
 */
export function checkVmFit(input: {
  ask: FitAsk;
  capacity: SupervisorCapacity;
  namespace: string;
}): FitResult {
  const { ask, capacity } = input;
  const ns = capacity.namespaces.find(n => n.name === input.namespace);
  const refusals: string[] = [];
  for (const r of RESOURCES) {
    const asked = ask[r.key];
    if (asked <= 0) continue;
    const limit = r.key === 'cpuMHz' ? ns?.cpuLimitMHz : ns?.memoryLimitMiB;
    const used = (r.key === 'cpuMHz' ? ns?.cpuUsedMHz : ns?.memoryUsedMiB) ?? 0;
    if (limit !== undefined && used + asked > limit) {
      refusals.push(
        `namespace '${input.namespace}' ${r.label}: asked ${human(
          asked,
          r.unit,
        )}, free ${human(Math.max(limit - used, 0), r.unit)} of the ${human(
          limit,
          r.unit,
        )} limit`,
      );
    }
    const total = r.key === 'cpuMHz' ? capacity.cpu : capacity.memory;
    const free = Math.max(total.capacity - total.used, 0);
    if (asked > free) {
      refusals.push(
        `cluster '${capacity.cluster.name}' ${r.label}: asked ${human(
          asked,
          r.unit,
        )}, free ${human(free, r.unit)} of ${human(total.capacity, r.unit)}`,
      );
    }
  }
  return { refusals, warnings: [] };
}

/**
 * Whether new or changed namespace limits fit: a limit beyond the whole cluster can never be
 * used and is refused; promises past `warnRatio` times the hosts only warn.
 * @public
 */
export function checkNamespaceLimitsFit(input: {
  namespace: string;
  limits: { cpuLimitMHz?: number; memoryLimitMiB?: number };
  capacity: SupervisorCapacity;
  warnRatio: number;
}): FitResult {
  const { capacity, limits } = input;
  const others = capacity.namespaces.filter(n => n.name !== input.namespace);
  const result: FitResult = { refusals: [], warnings: [] };
  for (const r of RESOURCES) {
    const limit =
      r.key === 'cpuMHz' ? limits.cpuLimitMHz : limits.memoryLimitMiB;
    if (limit === undefined) continue;
    const total = r.key === 'cpuMHz' ? capacity.cpu : capacity.memory;
    if (limit > total.capacity) {
      result.refusals.push(
        `cluster '${capacity.cluster.name}' ${
          r.label
        }: asked a limit of ${human(limit, r.unit)}, the hosts have ${human(
          total.capacity,
          r.unit,
        )} (${human(Math.max(total.capacity - total.used, 0), r.unit)} free)`,
      );
      continue;
    }
    const promised =
      others.reduce(
        (a, n) =>
          a + ((r.key === 'cpuMHz' ? n.cpuLimitMHz : n.memoryLimitMiB) ?? 0),
        0,
      ) + limit;
    const ratio = total.capacity > 0 ? promised / total.capacity : 0;
    if (ratio > input.warnRatio) {
      result.warnings.push(
        `namespaces on cluster '${
          capacity.cluster.name
        }' would be promised ${human(promised, r.unit)} ${r.label}, ${
          Math.round(ratio * 100) / 100
        }× the hosts' ${human(total.capacity, r.unit)} (warning above ${
          input.warnRatio
        }×)`,
      );
    }
  }
  return result;
}
