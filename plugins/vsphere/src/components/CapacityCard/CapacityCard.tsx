import { Progress } from '@backstage/core-components';
import { ErrorAlert } from '../ErrorAlert';
import { useApi } from '@backstage/core-plugin-api';
import { EntityInfoCard } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import { CapacityResponse } from '@backstage-vsphere/plugin-vsphere-common';
import useAsync from 'react-use/esm/useAsync';
import { vsphereApiRef } from '../../api';
import { formatQuantity } from '../../utils/formatQuantity';
import { MonitoringLinks } from '../MonitoringLinks';
import { CapacityBar } from './CapacityBar';

const gib = (mib: number) => formatQuantity(mib, 'MiB');
const pct = (part: number, whole: number) =>
  whole > 0 ? `${Math.round((part / whole) * 100)}%` : '–';

/** The numbers of one capacity read, without loading or error states. */
export const CapacityView = (props: { capacity: CapacityResponse }) => {
  const c = props.capacity;
  const ns = c.namespaces.find(n => n.name === c.namespace);
  const unlimited = c.namespaces.filter(
    n => n.cpuLimitMHz === undefined || n.memoryLimitMiB === undefined,
  );
  return (
    <Flex direction="column" gap="4">
      <CapacityBar label="CPU" resource={c.cpu} />
      <CapacityBar label="Memory" resource={c.memory} />
      {unlimited.length > 0 && (
        <Text variant="body-small" color="secondary">
          {`Without a CPU or memory limit (not in the promised sums): ${unlimited
            .map(n => n.name)
            .join(', ')}`}
        </Text>
      )}
      {ns && (
        <Text>
          {`Namespace ${ns.name}: limit ${
            ns.cpuLimitMHz === undefined
              ? 'none'
              : formatQuantity(ns.cpuLimitMHz, 'MHz')
          } CPU, ${
            ns.memoryLimitMiB === undefined ? 'none' : gib(ns.memoryLimitMiB)
          } memory; uses ${formatQuantity(ns.cpuUsedMHz ?? 0, 'MHz')} and ${gib(
            ns.memoryUsedMiB ?? 0,
          )}`}
        </Text>
      )}
      <Flex direction="column" gap="1">
        <Text weight="bold">{`Hosts (${c.hosts.length})`}</Text>
        {c.hosts.map(h => (
          <Text key={h.moref} variant="body-small">
            {`${h.name}: CPU ${pct(
              h.cpuUsedMHz,
              h.cpuCapacityMHz,
            )} of ${formatQuantity(h.cpuCapacityMHz, 'MHz')}, memory ${pct(
              h.memoryUsedMiB,
              h.memoryCapacityMiB,
            )} of ${gib(h.memoryCapacityMiB)}${
              h.available
                ? ''
                : ' — not available (maintenance or disconnected)'
            }`}
          </Text>
        ))}
      </Flex>
      <Flex direction="column" gap="1">
        <Text weight="bold">Storage</Text>
        {c.datastores.map(ds => (
          <Text key={ds.moref} variant="body-small">
            {`${ds.name}${ds.type ? ` (${ds.type})` : ''}: ${gib(
              ds.freeMiB,
            )} free of ${gib(ds.capacityMiB)}`}
          </Text>
        ))}
        {c.storagePolicies.map(p => (
          <Text key={p.policyId} variant="body-small">
            {`Policy ${p.policyName ?? p.policyId}: ${gib(
              p.grantedMiB,
            )} granted to namespaces${
              p.unlimitedNamespaces.length
                ? `, unlimited for ${p.unlimitedNamespaces.join(', ')}`
                : ''
            }`}
          </Text>
        ))}
      </Flex>
      <MonitoringLinks
        links={[...(c.links.cluster ?? []), ...(c.links.namespace ?? [])]}
      />
    </Flex>
  );
};

/** Capacity of the Supervisor cluster behind an entity: hosts, usage, promises, storage. */
export const CapacityCard = (props: { entityRef: string }) => {
  const api = useApi(vsphereApiRef);
  const { value, loading, error } = useAsync(
    () => api.getCapacity(props.entityRef),
    [api, props.entityRef],
  );
  const title = value
    ? `Capacity of Supervisor cluster ${value.cluster.name}`
    : 'Capacity';
  return (
    <EntityInfoCard title={title}>
      {loading && <Progress />}
      {error && <ErrorAlert error={error} />}
      {value && <CapacityView capacity={value} />}
    </EntityInfoCard>
  );
};
