import { EntityInfoCard } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import { EntityOverview } from '@backstage-vsphere/plugin-vsphere-common';
import { statusTone } from '../../utils/statusTone';
import { NamespaceLinks } from '../NamespaceLinks';
import { NamespaceResources } from '../NamespaceResources';
import { QuotaBar } from '../QuotaBar';
import { StatusLabel } from '../StatusLabel';

/** Props of {@link NamespaceStatusCard}. */
export interface NamespaceStatusCardProps {
  overview: EntityOverview;
  /** The namespace the entity names, shown when vCenter returned no details. */
  namespaceName: string;
}

/** How the namespace came to be and is networked, where vCenter reports it (v2 API). */
function namespaceOrigin(
  namespace: NonNullable<EntityOverview['namespace']>,
): string | undefined {
  const parts = [
    namespace.selfService &&
      'Created by a developer through namespace self-service',
    namespace.network &&
      `Network: ${namespace.network.provider}${
        namespace.network.vpc ? ` (VPC ${namespace.network.vpc})` : ''
      }`,
  ].filter(Boolean);
  return parts.length ? parts.join('. ') : undefined;
}

/** The Supervisor namespace: status, quota usage, what VMs may use, and how to reach it. */
export const NamespaceStatusCard = (props: NamespaceStatusCardProps) => {
  const { overview, namespaceName } = props;
  const namespace = overview.namespace;
  const title = `Supervisor namespace ${namespace?.name ?? namespaceName}`;
  if (!namespace) {
    return (
      <EntityInfoCard title={title}>
        <Text>
          {`vCenter ${overview.vcenter} returned no details for namespace ${namespaceName}. `}
          {overview.errors.length
            ? 'See the warnings above.'
            : "If it does not exist yet, create it with the 'Supervisor namespace for a team' template; otherwise check the entity's annotations."}
        </Text>
        <NamespaceLinks links={overview.links} />
      </EntityInfoCard>
    );
  }
  return (
    <EntityInfoCard
      title={title}
      headerActions={
        <StatusLabel
          tone={statusTone(namespace.configStatus)}
          label={namespace.configStatus}
        />
      }
    >
      <Flex direction="column" gap="4">
        {namespace.description && <Text>{namespace.description}</Text>}
        {namespaceOrigin(namespace) && (
          <Text color="secondary">{namespaceOrigin(namespace)}</Text>
        )}
        {namespace.messages.map(message => (
          <Text key={message} color="warning">
            {message}
          </Text>
        ))}
        <Flex direction="column" gap="2">
          <QuotaBar label="CPU" quota={namespace.quota.cpu} />
          <QuotaBar label="Memory" quota={namespace.quota.memory} />
          <QuotaBar label="Storage" quota={namespace.quota.storage} />
        </Flex>
        <NamespaceResources namespace={namespace} />
        <NamespaceLinks links={overview.links} />
      </Flex>
    </EntityInfoCard>
  );
};
