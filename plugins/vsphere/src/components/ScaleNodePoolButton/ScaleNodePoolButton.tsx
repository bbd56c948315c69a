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
  entityRef: string;
  clusterName: string;
  pool: NodePool;
  /** Called with the cluster as the backend returned it after scaling. */
  onScaled: (cluster: WorkloadCluster) => void;
}

/** Opens the scale dialog for one node pool and sends the chosen replica count. */
export const ScaleNodePoolButton = (props: ScaleNodePoolButtonProps) => {
  const { entityRef, clusterName, pool, onScaled } = props;
  const api = useApi(vsphereApiRef);
  const [open, setOpen] = useState(false);

  const scale = async (replicas: number) => {
    const cluster = await api.scaleNodePool({
      entityRef,
      cluster: clusterName,
      nodePool: pool.name,
      replicas,
    });
    setOpen(false);
    onScaled(cluster);
  };

  return (
    <>
      <Button
        size="small"
        variant="secondary"
        aria-label={`Scale ${pool.name}`}
        onPress={() => setOpen(true)}
      >
        Scale
      </Button>
      {open && (
        <ScaleNodePoolDialog
          clusterName={clusterName}
          pool={pool}
          onScale={scale}
          onCancel={() => setOpen(false)}
        />
      )}
    </>
  );
};
