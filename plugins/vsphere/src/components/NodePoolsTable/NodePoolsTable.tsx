import { useState } from 'react';
import { Button, Flex, Text } from '@backstage/ui';
import {
  NodePool,
  WorkloadCluster,
} from '@backstage-vsphere/plugin-vsphere-common';
import { statusTone } from '../../utils/statusTone';
import { ConditionList } from '../ConditionList';
import { DataColumn, DataTable, elementCell, textCell } from '../DataTable';
import { NodeMachinesTable } from '../NodeMachinesTable';
import {
  ScaleNodePoolButton,
  useScaleNodePoolDialog,
} from '../ScaleNodePoolButton';
import { StatusLabel } from '../StatusLabel';

/** Props of {@link NodePoolsTable}. */
export interface NodePoolsTableProps {
  cluster: WorkloadCluster;
  entityRef: string;
  /** Whether the caller may scale node pools; the buttons are hidden otherwise. */
  canScale: boolean;
  onScaled: (cluster: WorkloadCluster) => void;
}

type PoolRow = NodePool & { id: string };

/** "2 of 3 ready", pending until ready replicas follow the desired count. */
const ReadyCell = ({ pool }: { pool: NodePool }) => (
  <StatusLabel
    tone={pool.readyReplicas === pool.desiredReplicas ? 'ok' : 'pending'}
    label={`${pool.readyReplicas} of ${pool.desiredReplicas} ready`}
  />
);

const poolColumns: DataColumn<PoolRow>[] = [
  {
    id: 'name',
    label: 'Node pool',
    cell: pool => textCell(pool.name),
    value: pool => pool.name,
  },
  {
    id: 'desired',
    label: 'Desired',
    width: 110,
    cell: pool => textCell(pool.desiredReplicas),
    value: pool => pool.desiredReplicas,
  },
  {
    id: 'ready',
    label: 'Ready',
    cell: pool => elementCell(<ReadyCell pool={pool} />),
    value: pool => pool.readyReplicas,
  },
  {
    id: 'vmClass',
    label: 'VM class',
    cell: pool => textCell(pool.vmClass),
    value: pool => pool.vmClass,
  },
  {
    id: 'phase',
    label: 'Phase',
    cell: pool =>
      elementCell(
        <StatusLabel tone={statusTone(pool.phase)} label={pool.phase} />,
      ),
    value: pool => pool.phase,
  },
  {
    id: 'conditions',
    label: 'Conditions',
    width: '1.6fr',
    cell: pool => elementCell(<ConditionList conditions={pool.conditions} />),
  },
];

/** A cluster's node pools with replicas, VM class, phase and conditions; each opens to its nodes. */
export const NodePoolsTable = (props: NodePoolsTableProps) => {
  const { cluster, entityRef, canScale, onScaled } = props;
  const { openDialog, dialog } = useScaleNodePoolDialog({
    entityRef,
    cluster,
    onScaled,
  });
  // the pools whose nodes are shown, by name, so a live re-read keeps them open
  const [shown, setShown] = useState<string[]>([]);
  const toggle = (name: string) =>
    setShown(names =>
      names.includes(name) ? names.filter(n => n !== name) : [...names, name],
    );
  const columns: DataColumn<PoolRow>[] = [
    ...poolColumns,
    {
      id: 'nodes',
      label: 'Nodes',
      width: 90,
      cell: pool =>
        elementCell(
          <Button
            size="small"
            variant="tertiary"
            aria-label={`${
              shown.includes(pool.name) ? 'Hide' : 'Show'
            } nodes of ${pool.name}`}
            aria-expanded={shown.includes(pool.name)}
            onPress={() => toggle(pool.name)}
          >
            {shown.includes(pool.name) ? 'Hide' : 'Show'}
          </Button>,
        ),
    },
  ];
  if (canScale) {
    columns.push({
      id: 'actions',
      label: 'Actions',
      width: 100,
      cell: pool =>
        elementCell(<ScaleNodePoolButton pool={pool} onOpen={openDialog} />),
    });
  }
  const pools = cluster.nodePools.map(pool => ({ ...pool, id: pool.name }));
  return (
    <>
      <DataTable<PoolRow>
        rows={pools}
        columns={columns}
        emptyState={
          <div style={{ padding: 16 }}>
            {`Cluster ${cluster.name} has no node pools. Add one with the 'Add a node pool' template.`}
          </div>
        }
      />
      {pools
        .filter(pool => shown.includes(pool.name))
        .map(pool => (
          <Flex key={pool.name} direction="column" gap="1">
            <Text as="h4" variant="body-small" weight="bold">
              {`Nodes of ${pool.name}`}
            </Text>
            <NodeMachinesTable machines={pool.machines} />
          </Flex>
        ))}
      {dialog}
    </>
  );
};
