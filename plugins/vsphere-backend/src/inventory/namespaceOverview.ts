import {
  NamespaceOverview,
  SupervisorLimitRange,
  SupervisorResourceQuota,
} from '@backstage-vsphere/plugin-vsphere-common';
import {
  ContentLibrary,
  StoragePolicy,
  SupervisorNamespace,
} from '@backstage-vsphere/plugin-vsphere-node';

/** Combines vCenter's namespace record with policy and library names and the Kubernetes quotas and limit ranges. */
export function toNamespaceOverview(input: {
  namespace: SupervisorNamespace;
  storagePolicies: StoragePolicy[];
  contentLibraries: ContentLibrary[];
  resourceQuotas: SupervisorResourceQuota[];
  limitRanges: SupervisorLimitRange[];
}): NamespaceOverview {
  const { namespace } = input;
  const policyNames = new Map(input.storagePolicies.map(p => [p.id, p.name]));
  const libraryNames = new Map(input.contentLibraries.map(l => [l.id, l.name]));
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
    vmClasses: namespace.vmServiceSpec?.vmClasses ?? [],
    contentLibraries: (namespace.vmServiceSpec?.contentLibraries ?? []).map(
      id => ({ id, name: libraryNames.get(id) }),
    ),
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
