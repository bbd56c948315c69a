import { EntityInfoCard } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import { WorkloadCluster } from '@backstage-vsphere/plugin-vsphere-common';
import { ClusterSummary } from '../ClusterSummary';
import { NodePoolsTable } from '../NodePoolsTable';

/** Props of {@link ClustersCard}. */
export interface ClustersCardProps {
  clusters: WorkloadCluster[];
  namespace: string;
  entityRef: string;
  /** Names of the clusters whose node pools the caller may scale. */
  scalableClusters: string[];
  onScaled: (cluster: WorkloadCluster) => void;
  title?: string;
}

/** The namespace's workload clusters, each with its node pools and their nodes. */
export const ClustersCard = (props: ClustersCardProps) => {
  const {
    clusters,
    namespace,
    scalableClusters,
    title = 'Workload clusters',
    ...rest
  } = props;
  return (
    <EntityInfoCard title={title}>
      {clusters.length === 0 ? (
        <Text>
          {`No workload clusters in namespace ${namespace}. Create one with the 'Workload cluster' template.`}
        </Text>
      ) : (
        <Flex direction="column" gap="5">
          {clusters.map(cluster => (
            <Flex key={cluster.name} direction="column" gap="2">
              <ClusterSummary cluster={cluster} />
              <NodePoolsTable
                cluster={cluster}
                canScale={scalableClusters.includes(cluster.name)}
                {...rest}
              />
            </Flex>
          ))}
        </Flex>
      )}
    </EntityInfoCard>
  );
};
