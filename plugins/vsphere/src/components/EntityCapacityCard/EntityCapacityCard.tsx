import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ANNOTATION_CLUSTER } from '@backstage-vsphere/plugin-vsphere-common';
import { CapacityCard } from '../CapacityCard';
import { PlacementCard } from '../PlacementCard';

/** The Capacity card for the page's entity (a Supervisor or a namespace Resource). */
export const EntityCapacityCard = () => {
  const { entity } = useEntity();
  return <CapacityCard entityRef={stringifyEntityRef(entity)} />;
};

/** The placement picture of the page's cluster entity. */
export const EntityPlacementCard = () => {
  const { entity } = useEntity();
  return (
    <PlacementCard
      entityRef={stringifyEntityRef(entity)}
      cluster={entity.metadata.annotations?.[ANNOTATION_CLUSTER]}
    />
  );
};
