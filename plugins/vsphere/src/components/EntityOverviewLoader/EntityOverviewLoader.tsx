import { ReactNode } from 'react';
import { Progress } from '@backstage/core-components';
import { Alert, Flex } from '@backstage/ui';
import { EntityOverview } from '@backstage-vsphere/plugin-vsphere-common';
import {
  EntityOverviewState,
  useEntityOverview,
} from '../../hooks/useEntityOverview';
import { OverviewErrorPanel } from '../OverviewErrorPanel';
import { SourceErrorsPanel } from '../SourceErrorsPanel';

/** Props of {@link EntityOverviewLoader}. */
export interface EntityOverviewLoaderProps {
  entityRef: string;
  pollIntervalMs?: number;
  children: (overview: EntityOverview, state: EntityOverviewState) => ReactNode;
}

/** Reads an entity's overview; shows progress, the error, or the failed sources above the content. */
export const EntityOverviewLoader = (props: EntityOverviewLoaderProps) => {
  const state = useEntityOverview(props.entityRef, props.pollIntervalMs);
  const { overview, error } = state;
  if (!overview) {
    return error ? <OverviewErrorPanel error={error} /> : <Progress />;
  }
  return (
    <Flex direction="column" gap="4">
      {error && (
        <Alert
          role="alert"
          status="warning"
          icon
          title="Could not refresh"
          description={`Showing what was read at ${new Date(
            overview.fetchedAt,
          ).toLocaleString()}. ${error.message}`}
        />
      )}
      <SourceErrorsPanel errors={overview.errors} />
      {props.children(overview, state)}
    </Flex>
  );
};
