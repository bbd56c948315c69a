import { Progress } from '@backstage/core-components';
import { ErrorAlert } from '../ErrorAlert';
import { useApi } from '@backstage/core-plugin-api';
import { EntityInfoCard } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import { PlacementResponse } from '@backstage-vsphere/plugin-vsphere-common';
import useAsync from 'react-use/esm/useAsync';
import { vsphereApiRef } from '../../api';
import { MonitoringLinks } from '../MonitoringLinks';
import { PlacementGrid } from './PlacementGrid';

/** The placement of each workload cluster, risks first, then the grid. */
export const PlacementView = (props: {
  placement: PlacementResponse;
  cluster?: string;
}) => {
  const items = props.placement.items.filter(
    p => !props.cluster || p.cluster === props.cluster,
  );
  if (!items.length) {
    return <Text>No workload clusters to place.</Text>;
  }
  return (
    <Flex direction="column" gap="5">
      {items.map(p => (
        <Flex key={p.cluster} direction="column" gap="2">
          <Text weight="bold">{`Cluster ${p.cluster}: ${p.vms.length} VMs on ${
            p.hosts.length
          } host(s), ${p.datastores.length} datastore(s)${
            p.zones.length ? `, ${p.zones.length} zone(s)` : ''
          }`}</Text>
          {p.risks.length === 0 ? (
            <Text color="success">No placement risk found.</Text>
          ) : (
            p.risks.map(r => (
              <Text key={`${r.kind}-${r.group}`} color="warning">
                {`⚠ ${r.message}`}
              </Text>
            ))
          )}
          <PlacementGrid placement={p} />
          <MonitoringLinks links={p.links} />
        </Flex>
      ))}
    </Flex>
  );
};

/** How the entity's workload clusters spread over hosts, datastores and zones. */
export const PlacementCard = (props: {
  entityRef: string;
  cluster?: string;
}) => {
  const api = useApi(vsphereApiRef);
  const { value, loading, error } = useAsync(
    () => api.getPlacement(props.entityRef),
    [api, props.entityRef],
  );
  return (
    <EntityInfoCard title="Placement and HA risk">
      {loading && <Progress />}
      {error && <ErrorAlert error={error} />}
      {value && <PlacementView placement={value} cluster={props.cluster} />}
    </EntityInfoCard>
  );
};
