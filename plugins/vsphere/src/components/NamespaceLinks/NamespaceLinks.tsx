import { CopyTextButton } from '@backstage/core-components';
import { Flex, Link, Text } from '@backstage/ui';
import { EntityOverview } from '@backstage-vsphere/plugin-vsphere-common';

/** The namespace in the vSphere Client and the command to log in to it with kubectl. */
export const NamespaceLinks = (props: { links: EntityOverview['links'] }) => {
  const { vsphereClient, kubectlLogin } = props.links;
  if (!vsphereClient && !kubectlLogin) {
    return null;
  }
  return (
    <Flex direction="column" gap="2">
      {vsphereClient && (
        <Link href={vsphereClient} target="_blank" rel="noopener noreferrer">
          Open in the vSphere Client
        </Link>
      )}
      {kubectlLogin && (
        <Flex direction="column" gap="1">
          <Text weight="bold">Log in with kubectl</Text>
          <Flex align="center" gap="1">
            <Text as="span" style={{ fontFamily: 'monospace' }}>
              {kubectlLogin}
            </Text>
            <CopyTextButton
              text={kubectlLogin}
              aria-label="Copy the kubectl vsphere login command"
            />
          </Flex>
        </Flex>
      )}
    </Flex>
  );
};
