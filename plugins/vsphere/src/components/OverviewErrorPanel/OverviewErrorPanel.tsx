import { ErrorAlert } from '../ErrorAlert';
import { ResponseError } from '@backstage/errors';
import { MissingAnnotationEmptyState } from '@backstage/plugin-catalog-react';
import { Alert, Flex, Text } from '@backstage/ui';
import {
  ANNOTATION_SUPERVISOR_NAMESPACE,
  ANNOTATION_VCENTER,
  vsphereEntityReadPermission,
} from '@backstage-vsphere/plugin-vsphere-common';

/** Why the overview could not be read at all, and what to do about it. */
export const OverviewErrorPanel = (props: { error: Error }) => {
  const { error } = props;
  if (ResponseError.is(error)) {
    const message = error.cause.message;
    if (
      error.statusCode === 400 &&
      message.includes(ANNOTATION_SUPERVISOR_NAMESPACE)
    ) {
      return (
        <MissingAnnotationEmptyState
          annotation={ANNOTATION_SUPERVISOR_NAMESPACE}
        />
      );
    }
    if (error.statusCode === 400 && message.includes(ANNOTATION_VCENTER)) {
      return (
        <Alert
          role="alert"
          status="danger"
          icon
          title="Unknown vCenter"
          description={
            <Flex direction="column" gap="1">
              <Text>{message}</Text>
              <Text>
                {`Set ${ANNOTATION_VCENTER} in this entity's catalog-info.yaml to one of the configured vCenters, or remove it when only one is configured.`}
              </Text>
            </Flex>
          }
        />
      );
    }
    if (error.statusCode === 403) {
      return (
        <Alert
          role="alert"
          status="danger"
          icon
          title="Not allowed"
          description={
            <Flex direction="column" gap="1">
              <Text>{message}</Text>
              <Text>
                {`Viewing this entity's vSphere resources needs the ${vsphereEntityReadPermission.name} permission; ask the entity's owner or your Backstage admin.`}
              </Text>
            </Flex>
          }
        />
      );
    }
  }
  return <ErrorAlert error={error} />;
};
