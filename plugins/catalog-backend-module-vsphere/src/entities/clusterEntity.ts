import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CLUSTER,
  ANNOTATION_NAMESPACE_OWNER,
  ANNOTATION_SUPERVISOR,
  ANNOTATION_SUPERVISOR_NAMESPACE,
} from '@backstage-vsphere/plugin-vsphere-common';
import {
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER,
  ANNOTATION_KUBERNETES_SKIP_METRICS_LOOKUP,
  ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY,
} from '@backstage/plugin-kubernetes-common';
import { ClusterRecord } from '../inventory/types';
import { ApiServerAllowlist } from './apiServerAllowlist';
import {
  EntityContext,
  baseAnnotations,
  nameOf,
  namespaceLink,
  resourceEntity,
  resourceRef,
} from './common';
import { OWNER_KEY, refFromMetadata } from './owners';

/**
 * What Backstage's Kubernetes plugin reads to reach the cluster (its `catalog` cluster locator):
 * the API server from the cluster, the rest from config, since the cluster's own CA and
 * credentials live in Secrets the catalog does not read (`<cluster>-ca` holds the CA's key too):
 * the CA is the one configured for this very cluster in `vsphere.kubernetes.clusters`.
 */
function kubernetesAnnotations(
  context: EntityContext,
  cluster: ClusterRecord,
): Record<string, string> {
  if (!cluster.apiServer) {
    return {};
  }
  if (
    !new ApiServerAllowlist(context.config.kubernetes.allowedApiServers).allows(
      cluster.apiServer,
    )
  ) {
    context.warn?.(
      `Cluster '${cluster.name}' in namespace '${cluster.namespace}' gets no kubernetes.io/api-server annotation: its API server ${cluster.apiServer} is not in vsphere.catalog.kubernetes.allowedApiServers, and an address set by editors of the namespace must not receive users' tokens`,
    );
    return {};
  }
  const {
    authProvider,
    oidcTokenProvider,
    caData,
    skipTLSVerify,
    skipMetricsLookup,
  } = context.config.kubernetes;
  const annotations: Record<string, string> = {
    [ANNOTATION_KUBERNETES_API_SERVER]: cluster.apiServer,
  };
  const name = nameOf(context, {
    kind: 'cluster',
    namespace: cluster.namespace,
    name: cluster.name,
  });
  if (caData[name]) {
    annotations[ANNOTATION_KUBERNETES_API_SERVER_CA] = caData[name];
  } else {
    // the catalog cluster locator leaves a cluster without a CA out
    context.warn?.(
      `Cluster '${cluster.name}' in namespace '${cluster.namespace}' gets no kubernetes.io/api-server-certificate-authority annotation: no CA is configured for '${name}' in vsphere.kubernetes.clusters, so Backstage's Kubernetes plugin will not show it`,
    );
  }
  if (authProvider) {
    annotations[ANNOTATION_KUBERNETES_AUTH_PROVIDER] = authProvider;
  }
  if (oidcTokenProvider) {
    annotations[ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER] = oidcTokenProvider;
  }
  if (skipMetricsLookup) {
    annotations[ANNOTATION_KUBERNETES_SKIP_METRICS_LOOKUP] = 'true';
  }
  if (skipTLSVerify)
    annotations[ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY] = 'true';
  return annotations;
}

/** A workload cluster with its node pools as declared (desired replicas, classes). */
export function clusterEntity(
  context: EntityContext,
  cluster: ClusterRecord,
  scope: { owner: string; system?: string },
): Entity {
  const kind =
    cluster.kind === 'Cluster'
      ? 'Cluster API cluster'
      : 'TanzuKubernetesCluster';
  return resourceEntity(
    {
      name: nameOf(context, {
        kind: 'cluster',
        namespace: cluster.namespace,
        name: cluster.name,
      }),
      title: cluster.name,
      description: `${kind} '${cluster.name}' in Supervisor namespace '${cluster.namespace}'`,
      annotations: {
        ...baseAnnotations(context),
        [ANNOTATION_SUPERVISOR]: cluster.supervisor,
        [ANNOTATION_SUPERVISOR_NAMESPACE]: cluster.namespace,
        [ANNOTATION_CLUSTER]: cluster.name,
        [ANNOTATION_NAMESPACE_OWNER]: scope.owner,
        ...kubernetesAnnotations(context, cluster),
      },
      tags: ['vsphere', 'kubernetes'],
      links: [namespaceLink(context, cluster.namespace)],
    },
    {
      type: 'kubernetes-cluster',
      owner: refFromMetadata(cluster, OWNER_KEY, 'group') ?? scope.owner,
      system: scope.system,
      dependsOn: [
        resourceRef(
          nameOf(context, { kind: 'namespace', namespace: cluster.namespace }),
        ),
      ],
      clusterKind: cluster.kind,
      clusterClass: cluster.clusterClass,
      kubernetesVersion: cluster.version,
      nodePools: cluster.nodePools.map(pool => ({ ...pool })),
    },
  );
}
