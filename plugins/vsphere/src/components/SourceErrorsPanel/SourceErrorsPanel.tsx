import { WarningPanel } from '@backstage/core-components';
import { Flex } from '@backstage/ui';
import { SourceError } from '@backstage-vsphere/plugin-vsphere-common';
import { describeSourceError } from './describeSourceError';

/** One warning per upstream that failed, shown above whatever did load. */
export const SourceErrorsPanel = (props: { errors: SourceError[] }) => {
  if (props.errors.length === 0) {
    return null;
  }
  return (
    <Flex direction="column" gap="2">
      {props.errors.map(error => {
        const { title, advice } = describeSourceError(error);
        return (
          <WarningPanel
            key={`${error.source}-${error.name}`}
            title={title}
            message={`${error.name}: ${error.message}`}
            defaultExpanded
          >
            {advice}
          </WarningPanel>
        );
      })}
    </Flex>
  );
};
