import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Button } from '@backstage/ui';
import {
  NodePool,
  WorkloadCluster,
} from '@backstage-vsphere/plugin-vsphere-common';
import { vsphereApiRef } from '../../api';
import { ScaleNodePoolDialog } from './ScaleNodePoolDialog';

/** Props of {@link ScaleNodePoolButton}. */
export interface ScaleNodePoolButtonProps {
  pool: NodePool;
  /** Opens the scale dialog, which its table keeps outside the rows. */
  onOpen: (pool: string) => void;
}

/** The row's button that opens the scale dialog of one node pool. */
export const ScaleNodePoolButton = ({
  pool,
  onOpen,
}: ScaleNodePoolButtonProps) => (
  <Button
    size="small"
    variant="secondary"
    aria-label={`Scale ${pool.name}`}
    onPress={() => onOpen(pool.name)}
  >
    Scale
  </Button>
);

/**
 * The scale dialog of a cluster's node pools and the pool it is open for. It lives beside the
 * table, not in a row: a live update re-renders the rows, and must not close an open dialog.
 */
export function useScaleNodePoolDialog(options: {
  entityRef: string;
  cluster: WorkloadCluster;
  /** Called with the cluster as the backend returned it after scaling. */
  onScaled: (cluster: WorkloadCluster) => void;
}) {
  const { entityRef, cluster, onScaled } = options;
  const api = useApi(vsphereApiRef);
  const [open, setOpen] = useState<string>();
  const pool = cluster.nodePools.find(p => p.name === open);

  const scale = async (replicas: number) => {
    const scaled = await api.scaleNodePool({
      entityRef,
      cluster: cluster.name,
      nodePool: open!,
      replicas,
    });
    setOpen(undefined);
    onScaled(scaled);
  };

  const dialog = pool ? (
    <ScaleNodePoolDialog
      clusterName={cluster.name}
      pool={pool}
      onScale={scale}
      onCancel={() => setOpen(undefined)}
    />
  ) : null;
  return { openDialog: setOpen, dialog };
}
