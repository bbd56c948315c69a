import { EntityInfoCard } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import { NamespaceOverview } from '@backstage-vsphere/plugin-vsphere-common';

const cell = { padding: '2px 16px 2px 0', textAlign: 'left' as const };

/** The namespace's Kubernetes ResourceQuotas: what the Supervisor enforces, hard against used. */
export const ResourceQuotasCard = (props: {
  namespace?: NamespaceOverview;
}) => {
  const quotas = props.namespace?.resourceQuotas ?? [];
  return (
    <EntityInfoCard title="Kubernetes requests and limits">
      {quotas.length === 0 ? (
        <Text>
          No ResourceQuota in this namespace: Kubernetes enforces no requests or
          limits here beyond the vSphere quota.
        </Text>
      ) : (
        <Flex direction="column" gap="3">
          {quotas.map(q => (
            <table key={q.name} aria-label={`ResourceQuota ${q.name}`}>
              <caption style={{ textAlign: 'left', fontWeight: 'bold' }}>
                {`ResourceQuota ${q.name}`}
              </caption>
              <thead>
                <tr>
                  <th style={cell}>Resource</th>
                  <th style={cell}>Used</th>
                  <th style={cell}>Hard</th>
                </tr>
              </thead>
              <tbody>
                {Object.keys(q.hard)
                  .sort()
                  .map(resource => (
                    <tr key={resource}>
                      <td style={cell}>{resource}</td>
                      <td style={cell}>{q.used[resource] ?? '0'}</td>
                      <td style={cell}>{q.hard[resource]}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          ))}
        </Flex>
      )}
    </EntityInfoCard>
  );
};
