import { GaugePropsGetColor, LinearGauge } from '@backstage/core-components';
import { Flex, Text } from '@backstage/ui';
import { QuotaUsage } from '@backstage-vsphere/plugin-vsphere-common';
import { formatUsage } from '../../utils/formatQuantity';

/** Fuller is worse for a quota, the reverse of the gauge's default colours. */
const quotaColor: GaugePropsGetColor = ({ palette, value }) => {
  if (value >= 90) return palette.status.error;
  if (value >= 75) return palette.status.warning;
  return palette.status.ok;
};

/** One quota: its label, used against the limit in human units, and a bar when there is a limit. */
export const QuotaBar = (props: { label: string; quota: QuotaUsage }) => {
  const { label, quota } = props;
  const hasBar =
    quota.used !== undefined && quota.limit !== undefined && quota.limit > 0;
  return (
    <Flex direction="column" gap="1">
      <Flex justify="between">
        <Text weight="bold">{label}</Text>
        <Text>{formatUsage(quota)}</Text>
      </Flex>
      {hasBar && (
        <LinearGauge
          value={Math.min(quota.used! / quota.limit!, 1)}
          getColor={quotaColor}
        />
      )}
    </Flex>
  );
};
