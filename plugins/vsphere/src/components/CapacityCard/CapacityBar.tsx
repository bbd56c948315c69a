import { Flex, Text } from '@backstage/ui';
import { ResourceCapacity } from '@backstage-vsphere/plugin-vsphere-common';
import { formatQuantity } from '../../utils/formatQuantity';
import { UsageBar } from '../UsageBar';

const percent = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 100) : 0;

/** Used against the hosts' capacity, and what the namespaces were promised against it. */
export const CapacityBar = (props: {
  label: string;
  resource: ResourceCapacity;
}) => {
  const { label, resource: r } = props;
  const q = (v: number) => formatQuantity(v, r.unit);
  return (
    <Flex direction="column" gap="1">
      <Flex justify="between">
        <Text weight="bold">{label}</Text>
        <Text>{`${q(r.used)} used of ${q(r.capacity)} (${percent(
          r.used,
          r.capacity,
        )}%)`}</Text>
      </Flex>
      <UsageBar
        label={`${label} used`}
        fraction={r.capacity > 0 ? r.used / r.capacity : 0}
      />
      <Text
        variant="body-small"
        color={r.overcommit > 1 ? 'warning' : 'secondary'}
      >
        {`Promised to namespaces: ${q(r.promised)}, ${r.overcommit}× the hosts${
          r.overcommit > 1 ? ' (overcommitted)' : ''
        }`}
      </Text>
    </Flex>
  );
};
