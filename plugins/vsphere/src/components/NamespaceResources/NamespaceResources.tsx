import { Flex, Tag, TagGroup, Text } from '@backstage/ui';
import { NamespaceOverview } from '@backstage-vsphere/plugin-vsphere-common';
import { formatQuantity } from '../../utils/formatQuantity';

/** A labelled row of tags, or a hint of what an empty list means. */
const TagRow = (props: { label: string; items: string[]; empty: string }) => (
  <Flex direction="column" gap="1">
    <Text weight="bold">{props.label}</Text>
    {props.items.length ? (
      <TagGroup aria-label={props.label}>
        {props.items.map(item => (
          <Tag key={item} id={item} size="small">
            {item}
          </Tag>
        ))}
      </TagGroup>
    ) : (
      <Text color="secondary">{props.empty}</Text>
    )}
  </Flex>
);

/** A library's name with the settings that let the namespace change it. */
function libraryLabel(
  library: NamespaceOverview['contentLibraries'][number],
): string {
  const settings = [
    library.writable && 'writable',
    library.allowImport && 'imports allowed',
  ].filter(Boolean);
  const name = library.name ?? library.id;
  return settings.length ? `${name} (${settings.join(', ')})` : name;
}

/** A zone's name, and its role when it also runs the Supervisor's control plane. */
function zoneLabel(zone: NonNullable<NamespaceOverview['zones']>[number]) {
  return zone.type === 'MANAGEMENT' ? `${zone.name} (management)` : zone.name;
}

/**
 * What VMs in the namespace may use: zones (where vCenter reports them), storage policies, VM
 * classes and content libraries.
 */
export const NamespaceResources = (props: { namespace: NamespaceOverview }) => {
  const { storagePolicies, vmClasses, contentLibraries, zones } =
    props.namespace;
  const policies = storagePolicies.map(policy => {
    const name = policy.name ?? policy.id;
    return policy.limitMiB === undefined
      ? name
      : `${name} (limit ${formatQuantity(policy.limitMiB, 'MiB')})`;
  });
  return (
    <Flex direction="column" gap="3">
      {zones && (
        <TagRow
          label="Zones"
          items={zones.map(zoneLabel)}
          empty="Not placed in a vSphere zone; VMs and clusters go wherever the Supervisor places them."
        />
      )}
      <TagRow
        label="Storage policies"
        items={policies}
        empty="None assigned; ask a vSphere admin to add one so VMs can get disks."
      />
      <TagRow
        label="VM classes"
        items={vmClasses}
        empty="None assigned; ask a vSphere admin to add one so VMs can be created."
      />
      <TagRow
        label="Content libraries"
        items={contentLibraries.map(libraryLabel)}
        empty="None assigned; VM images come from the namespace's content libraries."
      />
    </Flex>
  );
};
