import { EntityInfoCard } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import { NamespaceOverview } from '@backstage-vsphere/plugin-vsphere-common';
import { LimitRangeTable } from '../LimitRangeTable';

const cell = { padding: '2px 16px 2px 0', textAlign: 'left' as const };

/**
 * What Kubernetes enforces in the namespace: its ResourceQuotas (hard against used) and its
 * LimitRanges (defaults and bounds per container, pod or claim).
 */
export const ResourceQuotasCard = (props: {
  namespace?: NamespaceOverview;
}) => {
  const quotas = props.namespace?.resourceQuotas ?? [];
  // a backend older than the frontend sends no limit ranges
  const limitRanges = props.namespace?.limitRanges ?? [];
  return (
    <EntityInfoCard title="Kubernetes requests and limits">
      <Flex direction="column" gap="3">
        {quotas.length === 0 && (
          <Text>
            No ResourceQuota in this namespace: Kubernetes enforces no requests
            or limits here beyond the vSphere quota.
          </Text>
        )}
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
        {limitRanges.length === 0 ? (
          <Text>
            No LimitRange in this namespace: a container that sets no requests
            or limits gets no defaults.
          </Text>
        ) : (
          limitRanges.map(r => (
            <LimitRangeTable key={r.name} name={r.name} limits={r.limits} />
          ))
        )}
      </Flex>
    </EntityInfoCard>
  );
};
