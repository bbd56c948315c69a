import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityInfoCard,
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { Text } from '@backstage/ui';
import { ANNOTATION_CLUSTER } from '@backstage-vsphere/plugin-vsphere-common';
import { ClustersCard } from '../ClustersCard';
import { EntityOverviewLoader } from '../EntityOverviewLoader';
import { VsphereEntityCardProps } from '../VsphereNamespaceCard';

/** The card of a `kubernetes-cluster` Resource: the cluster it names, its node pools and nodes. */
export const VsphereClusterCard = (props: VsphereEntityCardProps) => {
  const { entity } = useEntity();
  const clusterName = entity.metadata.annotations?.[ANNOTATION_CLUSTER]?.trim();
  if (!clusterName) {
    return <MissingAnnotationEmptyState annotation={ANNOTATION_CLUSTER} />;
  }
  const entityRef = stringifyEntityRef(entity);
  return (
    <EntityOverviewLoader
      entityRef={entityRef}
      pollIntervalMs={props.pollIntervalMs}
    >
      {(overview, state) => {
        const cluster = overview.clusters.find(c => c.name === clusterName);
        if (!cluster) {
          return (
            <EntityInfoCard title={`Kubernetes cluster ${clusterName}`}>
              <Text>
                {overview.errors.length
                  ? `Cluster ${clusterName} could not be read; see the warnings above.`
                  : `Cluster ${clusterName} was not found. It may have been deleted; the catalog drops it on its next refresh.`}
              </Text>
            </EntityInfoCard>
          );
        }
        return (
          <ClustersCard
            title="Kubernetes cluster"
            clusters={[cluster]}
            namespace={cluster.namespace}
            entityRef={entityRef}
            scalableClusters={overview.allowed.scaleClusters}
            onScaled={state.applyCluster}
          />
        );
      }}
    </EntityOverviewLoader>
  );
};
