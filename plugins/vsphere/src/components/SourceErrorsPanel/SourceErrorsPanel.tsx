import { Alert, Flex, Text } from '@backstage/ui';
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
          <Alert
            key={`${error.source}-${error.name}`}
            role="alert"
            status="warning"
            icon
            title={title}
            description={
              <Flex direction="column" gap="1">
                <Text>{`${error.name}: ${error.message}`}</Text>
                <Text>{advice}</Text>
              </Flex>
            }
          />
        );
      })}
    </Flex>
  );
};
