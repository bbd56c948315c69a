import { Flex, Text } from '@backstage/ui';
import { WorkloadCluster } from '@backstage-vsphere/plugin-vsphere-common';
import { statusTone } from '../../utils/statusTone';
import { ConditionList } from '../ConditionList';
import { FactList } from '../FactList';
import { NodeMachinesTable } from '../NodeMachinesTable';
import { StatusLabel } from '../StatusLabel';

/** "1 replica, ready", or what is known of it. */
function controlPlane(cluster: WorkloadCluster): string {
  const count = cluster.controlPlaneReplicas;
  const replicas =
    count === undefined
      ? 'replicas unknown'
      : `${count} ${count === 1 ? 'replica' : 'replicas'}`;
  if (cluster.controlPlaneReady === undefined) return replicas;
  return `${replicas}, ${cluster.controlPlaneReady ? 'ready' : 'not ready'}`;
}

/** A workload cluster's kind, class, version, phase and control plane (with its machines' VMs), and conditions that need a look. */
export const ClusterSummary = (props: { cluster: WorkloadCluster }) => {
  const { cluster } = props;
  const unhealthy = cluster.conditions.filter(c => c.status !== 'True');
  const facts = [
    { label: 'Kind', value: cluster.kind },
    ...(cluster.clusterClass
      ? [{ label: 'Class', value: cluster.clusterClass }]
      : []),
    { label: 'Version', value: cluster.version },
    { label: 'Control plane', value: controlPlane(cluster) },
  ];
  return (
    <Flex direction="column" gap="2">
      <Flex align="center" gap="3">
        <Text as="h4" variant="title-x-small" weight="bold">
          {cluster.name}
        </Text>
        <StatusLabel tone={statusTone(cluster.phase)} label={cluster.phase} />
      </Flex>
      <FactList facts={facts} />
      {unhealthy.length > 0 && <ConditionList conditions={unhealthy} />}
      {cluster.controlPlaneMachines?.length ? (
        <Flex direction="column" gap="1">
          <Text weight="bold">Control-plane machines</Text>
          <NodeMachinesTable machines={cluster.controlPlaneMachines} />
        </Flex>
      ) : null}
    </Flex>
  );
};
