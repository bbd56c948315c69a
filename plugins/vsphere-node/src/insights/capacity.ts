import {
  PolicyCapacity,
  ResourceCapacity,
  SupervisorCapacity,
} from '@backstage-vsphere/plugin-vsphere-common';
import { HostUsage } from '../vcenter/capacity';
import {
  StoragePolicy,
  SupervisorNamespace,
  VCenterCluster,
  VCenterDatastore,
} from '../vcenter/types';

const MIB = 1024 * 1024;

function resource(
  capacity: number,
  used: number,
  promised: number,
  unit: ResourceCapacity['unit'],
): ResourceCapacity {
  const overcommit = capacity > 0 ? promised / capacity : 0;
  return {
    capacity,
    used,
    promised,
    overcommit: Math.round(overcommit * 100) / 100,
    unit,
  };
}

/** Storage limits granted per policy by the namespaces; a policy without a limit is unlimited. */
function policyCapacities(
  namespaces: SupervisorNamespace[],
  policies: StoragePolicy[],
): PolicyCapacity[] {
  const names = new Map(policies.map(p => [p.id, p.name]));
  const byPolicy = new Map<string, PolicyCapacity>();
  for (const ns of namespaces) {
    for (const spec of ns.storageSpecs ?? []) {
      const entry = byPolicy.get(spec.policy) ?? {
        policyId: spec.policy,
        policyName: names.get(spec.policy),
        grantedMiB: 0,
        unlimitedNamespaces: [],
      };
      if (spec.limitMiB === undefined) {
        entry.unlimitedNamespaces.push(ns.name);
      } else {
        entry.grantedMiB += spec.limitMiB;
      }
      byPolicy.set(spec.policy, entry);
    }
  }
  return [...byPolicy.values()].sort((a, b) =>
    (a.policyName ?? a.policyId).localeCompare(b.policyName ?? b.policyId),
  );
}

/**
 * A Supervisor cluster's hardware (available hosts only) and usage against the sum of its
 * namespaces' limits. Namespaces without a limit promise nothing countable and are listed apart.
 * @public
 */
export function supervisorCapacity(input: {
  vcenter: string;
  cluster: VCenterCluster;
  hosts: HostUsage[];
  datastores: VCenterDatastore[];
  namespaces: SupervisorNamespace[];
  storagePolicies: StoragePolicy[];
  namespace?: string;
  now?: Date;
}): SupervisorCapacity {
  const { cluster } = input;
  const hosts = input.hosts
    .filter(h => h.cluster === cluster.moref)
    .sort((a, b) => a.name.localeCompare(b.name));
  const up = hosts.filter(h => h.available);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const namespaces = input.namespaces
    .filter(ns => ns.cluster === cluster.moref)
    .sort((a, b) => a.name.localeCompare(b.name));
  const dsIds = new Set(cluster.datastores);
  return {
    vcenter: input.vcenter,
    cluster: { moref: cluster.moref, name: cluster.name },
    hosts: hosts.map(({ cluster: _cluster, ...host }) => host),
    cpu: resource(
      sum(up.map(h => h.cpuCapacityMHz)),
      sum(up.map(h => h.cpuUsedMHz)),
      sum(namespaces.map(ns => ns.resourceSpec?.cpuLimitMHz ?? 0)),
      'MHz',
    ),
    memory: resource(
      sum(up.map(h => h.memoryCapacityMiB)),
      sum(up.map(h => h.memoryUsedMiB)),
      sum(namespaces.map(ns => ns.resourceSpec?.memoryLimitMiB ?? 0)),
      'MiB',
    ),
    datastores: input.datastores
      .filter(ds => dsIds.has(ds.moref))
      .map(ds => ({
        moref: ds.moref,
        name: ds.name,
        type: ds.type,
        capacityMiB: Math.floor((ds.capacityBytes ?? 0) / MIB),
        freeMiB: Math.floor((ds.freeSpaceBytes ?? 0) / MIB),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    storagePolicies: policyCapacities(namespaces, input.storagePolicies),
    namespaces: namespaces.map(ns => ({
      name: ns.name,
      cpuLimitMHz: ns.resourceSpec?.cpuLimitMHz,
      memoryLimitMiB: ns.resourceSpec?.memoryLimitMiB,
      cpuUsedMHz: ns.stats?.cpuUsedMHz,
      memoryUsedMiB: ns.stats?.memoryUsedMiB,
    })),
    namespace: input.namespace,
    fetchedAt: (input.now ?? new Date()).toISOString(),
  };
}
