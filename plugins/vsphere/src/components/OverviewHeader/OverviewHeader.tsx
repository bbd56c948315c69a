import { Button, Flex, Text } from '@backstage/ui';
import { EntityOverview } from '@backstage-vsphere/plugin-vsphere-common';

/** Props of {@link OverviewHeader}. */
export interface OverviewHeaderProps {
  overview: EntityOverview;
  loading: boolean;
  onRefresh: () => void;
}

/** Where the data comes from, when it was read, and a way to read it again. */
export const OverviewHeader = (props: OverviewHeaderProps) => {
  const { overview, loading, onRefresh } = props;
  const supervisor = overview.supervisor
    ? `, Supervisor ${overview.supervisor}`
    : '';
  return (
    <Flex justify="between" align="center">
      <Text color="secondary">
        {`vCenter ${overview.vcenter}${supervisor} · read at ${new Date(
          overview.fetchedAt,
        ).toLocaleString()}`}
      </Text>
      <Button
        size="small"
        variant="secondary"
        isPending={loading}
        onPress={onRefresh}
      >
        Refresh
      </Button>
    </Flex>
  );
};
