import { InputError } from '@backstage/errors';
import { WorkloadCluster } from '@backstage-vsphere/plugin-vsphere-common';
import { ClusterSpec } from '@backstage-vsphere/plugin-vsphere-node';
import { NamespaceOptions } from './namespaceOptions';
import { poolDifferences } from './nodePoolSpec';
import { listNames } from './resolve';
import { checkVersionInClassRange } from './versionRange';

/** A semantic version with a leading `v`, as Kubernetes releases are named. */
const KUBERNETES_VERSION =
  /^v(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** Control plane sizes that keep etcd quorum and that vSphere Kubernetes Service supports. */
export const CONTROL_PLANE_SIZES = [1, 3];

/** `v1.33.3` of `v1.33.3+vmware.1-fips`. */
export function releaseOf(version: string): string | undefined {
  const match = KUBERNETES_VERSION.exec(version);
  return match ? `v${match[1]}.${match[2]}.${match[3]}` : undefined;
}

/** The release of a well-formed version; otherwise throws an InputError naming the rule. */
export function checkVersionFormat(version: string): string {
  const release = releaseOf(version);
  if (!release) {
    throw new InputError(
      `version: '${version}' is not a Kubernetes version; use v<major>.<minor>.<patch>, optionally with a suffix, e.g. 'v1.33.3+vmware.1-fips'`,
    );
  }
  return release;
}

/**
 * Throws unless an image of the namespace provides the version's Kubernetes release and, given a
 * ClusterClass, the version is within the range the class supports.
 */
export async function checkVersion(
  live: NamespaceOptions,
  version: string,
  clusterClass?: string,
) {
  const release = checkVersionFormat(version);
  const provided = (await live.images())
    .map(i => i.productVersion)
    .filter((v): v is string => Boolean(v));
  // Images that report no product version cannot be checked; let the Supervisor decide.
  if (provided.length && !provided.some(v => releaseOf(v) === release)) {
    throw new InputError(
      `version: no image of namespace '${
        live.namespaceName
      }' provides Kubernetes ${release}; available: ${listNames(provided)}`,
    );
  }
  if (clusterClass) {
    await checkVersionInClassRange(live, clusterClass, version);
  }
}

/** The fields of an existing cluster that differ from the asked spec. */
export function clusterDifferences(
  existing: WorkloadCluster,
  spec: ClusterSpec,
): string[] {
  const differing: string[] = [];
  if (existing.kind !== 'Cluster') differing.push('kind');
  if (existing.clusterClass !== spec.clusterClass)
    differing.push('clusterClass');
  if (existing.version !== spec.version) differing.push('version');
  if ((existing.controlPlaneReplicas ?? 1) !== spec.controlPlaneReplicas) {
    differing.push('controlPlaneReplicas');
  }
  const names = existing.nodePools.map(p => p.name).sort();
  const wanted = spec.nodePools.map(p => p.name).sort();
  if (names.join() !== wanted.join()) {
    differing.push('nodePools');
    return differing;
  }
  for (const pool of spec.nodePools) {
    const current = existing.nodePools.find(p => p.name === pool.name)!;
    differing.push(
      ...poolDifferences(current, pool, spec).map(
        f => `nodePools[${pool.name}].${f}`,
      ),
    );
  }
  return differing;
}
