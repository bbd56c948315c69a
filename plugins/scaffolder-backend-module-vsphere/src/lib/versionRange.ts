import { InputError } from '@backstage/errors';
import { WorkloadCluster } from '@backstage-vsphere/plugin-vsphere-common';
import {
  KubernetesVersionRange,
  MAX_VERSION_LABEL,
  MIN_VERSION_LABEL,
  clusterClassVersionRange,
  describeVersionRange,
  isVersionInRange,
  kubernetesVersionsInRange,
} from '@backstage-vsphere/plugin-vsphere-node';
import { NamespaceOptions } from './namespaceOptions';
import { InputProblems } from './problems';
import { listNames } from './resolve';

/** The range a ClusterClass of the namespace supports; undefined when there is no such class. */
async function rangeOf(
  live: NamespaceOptions,
  clusterClass: string,
): Promise<KubernetesVersionRange | undefined> {
  const found = (await live.clusterClasses()).find(
    c => c.metadata.name === clusterClass,
  );
  return found ? clusterClassVersionRange(found) : undefined;
}

/** The rule and the versions that keep it, for an error message. */
async function ruleOf(
  live: NamespaceOptions,
  clusterClass: string,
  range: KubernetesVersionRange,
): Promise<string> {
  const valid = kubernetesVersionsInRange(await live.images(), range);
  return `ClusterClass '${clusterClass}' supports ${describeVersionRange(
    range,
  )} (labels ${MIN_VERSION_LABEL} and ${MAX_VERSION_LABEL}); valid: ${
    valid.length
      ? listNames(valid)
      : `no image of namespace '${live.namespaceName}' is in that range`
  }`;
}

/**
 * Throws unless the version is within the range the ClusterClass's labels give; a class without
 * labels, or one that does not exist (reported by the class check), allows any version.
 */
export async function checkVersionInClassRange(
  live: NamespaceOptions,
  clusterClass: string,
  version: string,
): Promise<void> {
  const range = await rangeOf(live, clusterClass);
  if (!range || isVersionInRange(version, range)) return;
  throw new InputError(
    `version: Kubernetes ${version} is outside the versions ${await ruleOf(
      live,
      clusterClass,
      range,
    )}`,
  );
}

/**
 * Records a problem when a cluster runs a version its ClusterClass no longer supports: the nodes
 * of a new pool would get that version, which the class cannot provision.
 */
export async function checkNodePoolVersion(
  live: NamespaceOptions,
  cluster: WorkloadCluster,
  problems: InputProblems,
): Promise<void> {
  const { clusterClass, version } = cluster;
  if (cluster.kind !== 'Cluster' || !clusterClass || !version) return;
  const range = await problems.checkAsync(() => rangeOf(live, clusterClass));
  if (!range || isVersionInRange(version, range)) return;
  problems.add(
    `cluster: '${
      cluster.name
    }' runs Kubernetes ${version}, outside the versions ${await ruleOf(
      live,
      clusterClass,
      range,
    )}; upgrade the cluster before adding a node pool`,
  );
}
