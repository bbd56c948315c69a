import { Flex, Text } from '@backstage/ui';
import { QuotaUsage } from '@backstage-vsphere/plugin-vsphere-common';
import { formatUsage } from '../../utils/formatQuantity';
import { UsageBar } from '../UsageBar';

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
        <UsageBar
          label={`${label} used`}
          fraction={quota.used! / quota.limit!}
        />
      )}
    </Flex>
  );
};
