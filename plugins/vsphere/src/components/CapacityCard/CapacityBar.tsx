import { GaugePropsGetColor, LinearGauge } from '@backstage/core-components';
import { Flex, Text } from '@backstage/ui';
import { ResourceCapacity } from '@backstage-vsphere/plugin-vsphere-common';
import { formatQuantity } from '../../utils/formatQuantity';

/** Fuller hosts are worse: the reverse of the gauge's default colours, as on the quota bars. */
const usageColor: GaugePropsGetColor = ({ palette, value }) => {
  if (value >= 90) return palette.status.error;
  if (value >= 75) return palette.status.warning;
  return palette.status.ok;
};

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
      <LinearGauge
        value={r.capacity > 0 ? Math.min(r.used / r.capacity, 1) : 0}
        getColor={usageColor}
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
