import { Table, TableColumn } from '@backstage/core-components';
import {
  NodePool,
  WorkloadCluster,
} from '@backstage-vsphere/plugin-vsphere-common';
import { statusTone } from '../../utils/statusTone';
import { ConditionList } from '../ConditionList';
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

/** "2 of 3 ready", pending until ready replicas follow the desired count. */
const ReadyCell = ({ pool }: { pool: NodePool }) => (
  <StatusLabel
    tone={pool.readyReplicas === pool.desiredReplicas ? 'ok' : 'pending'}
    label={`${pool.readyReplicas} of ${pool.desiredReplicas} ready`}
  />
);

/** A cluster's node pools with replicas, VM class, phase and conditions; each row opens to its nodes. */
export const NodePoolsTable = (props: NodePoolsTableProps) => {
  const { cluster, entityRef, canScale, onScaled } = props;
  const { openDialog, dialog } = useScaleNodePoolDialog({
    entityRef,
    cluster,
    onScaled,
  });
  const columns: TableColumn<NodePool>[] = [
    { title: 'Node pool', field: 'name', highlight: true },
    { title: 'Desired', field: 'desiredReplicas', type: 'numeric' },
    {
      title: 'Ready',
      field: 'readyReplicas',
      render: pool => <ReadyCell pool={pool} />,
    },
    { title: 'VM class', field: 'vmClass', emptyValue: '—' },
    {
      title: 'Phase',
      field: 'phase',
      render: pool => (
        <StatusLabel tone={statusTone(pool.phase)} label={pool.phase} />
      ),
    },
    {
      title: 'Conditions',
      sorting: false,
      render: pool => <ConditionList conditions={pool.conditions} />,
    },
  ];
  if (canScale) {
    columns.push({
      title: 'Actions',
      sorting: false,
      render: pool => <ScaleNodePoolButton pool={pool} onOpen={openDialog} />,
    });
  }
  return (
    <>
      <Table<NodePool>
        columns={columns}
        // material-table writes its row state into the objects it gets.
        data={cluster.nodePools.map(pool => ({ ...pool }))}
        options={{ toolbar: false, paging: false, padding: 'dense' }}
        detailPanel={[
          {
            tooltip: 'Show nodes',
            render: ({ rowData }) => (
              <NodeMachinesTable machines={rowData.machines} />
            ),
          },
        ]}
        emptyContent={
          <div style={{ padding: 16 }}>
            {`Cluster ${cluster.name} has no node pools. Add one with the 'Add a node pool' template.`}
          </div>
        }
      />
      {dialog}
    </>
  );
};
