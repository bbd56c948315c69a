import {
  NamespaceOverview,
  NamespaceVmClass,
  SupervisorLimitRange,
  SupervisorResourceQuota,
} from '@backstage-vsphere/plugin-vsphere-common';
import {
  ContentLibrary,
  StoragePolicy,
  SupervisorNamespace,
  VmClass,
} from '@backstage-vsphere/plugin-vsphere-node';

/** What a class holds on its host: all of its CPU and memory, none, or some (unset means none). */
function reservationOf(cpu = 0, memory = 0): NamespaceVmClass['reservation'] {
  if (cpu >= 100 && memory >= 100) return 'guaranteed';
  if (cpu === 0 && memory === 0) return 'best-effort';
  return 'partial';
}

/**
 * A VM class the namespace may use, with its reservations. vCenter leaves a reservation unset
 * when there is none; a class vCenter does not list is `unknown`.
 */
export function toNamespaceVmClass(
  name: string,
  vmClass: VmClass | undefined,
): NamespaceVmClass {
  const cpu = vmClass?.cpuReservationPercent;
  const memory = vmClass?.memoryReservationPercent;
  const memoryMiB = vmClass?.memoryMiB;
  return {
    name,
    cpus: vmClass?.cpuCount,
    memoryMiB,
    cpuReservationPercent: cpu,
    memoryReservationPercent: memory,
    memoryReservedMiB:
      memoryMiB === undefined
        ? undefined
        : Math.round((memoryMiB * (memory ?? 0)) / 100),
    reservation: vmClass ? reservationOf(cpu, memory) : 'unknown',
    description: vmClass?.description,
  };
}

function dropUnset<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/** The VM Service's libraries and the image service's (v2), each once, with the latter's settings. */
function contentLibrariesOf(
  namespace: SupervisorNamespace,
  libraryNames: Map<string, string>,
): NamespaceOverview['contentLibraries'] {
  const settings = new Map(
    (namespace.contentLibraries ?? []).map(l => [l.contentLibrary, l]),
  );
  const ids = [
    ...new Set([
      ...(namespace.vmServiceSpec?.contentLibraries ?? []),
      ...settings.keys(),
    ]),
  ];
  return ids.map(id =>
    dropUnset({
      id,
      name: libraryNames.get(id),
      writable: settings.get(id)?.writable,
      allowImport: settings.get(id)?.allowImport,
    }),
  );
}

/** Combines vCenter's namespace record with policy and library names and the Kubernetes quotas and limit ranges. */
export function toNamespaceOverview(input: {
  namespace: SupervisorNamespace;
  storagePolicies: StoragePolicy[];
  contentLibraries: ContentLibrary[];
  resourceQuotas: SupervisorResourceQuota[];
  limitRanges: SupervisorLimitRange[];
  vmClasses: VmClass[];
}): NamespaceOverview {
  const { namespace } = input;
  const policyNames = new Map(input.storagePolicies.map(p => [p.id, p.name]));
  const libraryNames = new Map(input.contentLibraries.map(l => [l.id, l.name]));
  const classes = new Map(input.vmClasses.map(c => [c.id, c]));
  const vmClasses = namespace.vmServiceSpec?.vmClasses ?? [];
  const limits = namespace.resourceSpec ?? {};
  const stats = namespace.stats ?? {};
  return {
    name: namespace.name,
    configStatus: namespace.configStatus,
    description: namespace.description,
    messages: namespace.messages,
    quota: {
      cpu: { used: stats.cpuUsedMHz, limit: limits.cpuLimitMHz, unit: 'MHz' },
      memory: {
        used: stats.memoryUsedMiB,
        limit: limits.memoryLimitMiB,
        unit: 'MiB',
      },
      storage: {
        used: stats.storageUsedMiB,
        limit: limits.storageRequestLimitMiB,
        unit: 'MiB',
      },
    },
    storagePolicies: (namespace.storageSpecs ?? []).map(spec => ({
      id: spec.policy,
      name: policyNames.get(spec.policy),
      limitMiB: spec.limitMiB,
    })),
    vmClasses,
    vmClassDetails: vmClasses.map(name =>
      toNamespaceVmClass(name, classes.get(name)),
    ),
    contentLibraries: contentLibrariesOf(namespace, libraryNames),
    ...(namespace.zones && {
      zones: namespace.zones.map(z =>
        dropUnset({ name: z.zone, type: z.type }),
      ),
    }),
    ...(namespace.selfService !== undefined && {
      selfService: namespace.selfService,
    }),
    ...(namespace.networkSpec && {
      network: dropUnset({
        provider: namespace.networkSpec.networkProvider,
        vpc: namespace.networkSpec.vpcNetwork?.vpc,
      }),
    }),
    resourceQuotas: input.resourceQuotas.map(q => ({
      name: q.name,
      hard: q.hard,
      used: q.used,
    })),
    limitRanges: input.limitRanges.map(r => ({
      name: r.name,
      limits: r.limits,
    })),
  };
}
