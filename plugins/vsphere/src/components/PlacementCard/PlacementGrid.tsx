import { useTheme } from '@material-ui/core/styles';
import { Flex, Text } from '@backstage/ui';
import { ClusterPlacement } from '@backstage-vsphere/plugin-vsphere-common';

const UNKNOWN = 'unknown host';

/**
 * A hosts × groups grid of one workload cluster: each cell holds the VMs of that group (control
 * plane or node pool) on that host, so a column with one filled cell is a group on one host.
 */
export const PlacementGrid = (props: { placement: ClusterPlacement }) => {
  const { placement } = props;
  const theme = useTheme();
  const groups = [...new Set(placement.vms.map(vm => vm.group))];
  const hosts = [...placement.hosts];
  if (placement.vms.some(vm => !vm.host)) {
    hosts.push(UNKNOWN);
  }
  const risky = new Set(
    placement.risks.map(
      r => `${r.group}|${r.kind === 'single-host' ? r.on : ''}`,
    ),
  );
  const border = `1px solid ${theme.palette.divider}`;
  const cell = { border, padding: '4px 8px', verticalAlign: 'top' as const };
  return (
    <Flex direction="column" gap="2">
      <table
        aria-label={`Placement of cluster ${placement.cluster}`}
        style={{ borderCollapse: 'collapse' }}
      >
        <thead>
          <tr>
            <th style={{ ...cell, textAlign: 'left' }}>Host</th>
            {groups.map(g => (
              <th key={g} style={{ ...cell, textAlign: 'left' }}>
                {g}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {hosts.map(host => (
            <tr key={host}>
              <th scope="row" style={{ ...cell, textAlign: 'left' }}>
                {host}
              </th>
              {groups.map(group => {
                const vms = placement.vms.filter(
                  vm => vm.group === group && (vm.host ?? UNKNOWN) === host,
                );
                const flagged = risky.has(`${group}|${host}`);
                return (
                  <td
                    key={group}
                    style={{
                      ...cell,
                      background: flagged
                        ? theme.palette.warning.light
                        : undefined,
                    }}
                  >
                    {vms.map(vm => (
                      <div key={vm.name} title={vm.datastores.join(', ')}>
                        {`■ ${vm.name}`}
                      </div>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <th scope="row" style={{ ...cell, textAlign: 'left' }}>
              Datastores
            </th>
            {groups.map(group => (
              <td key={group} style={cell}>
                <Text variant="body-small">
                  {[
                    ...new Set(
                      placement.vms
                        .filter(vm => vm.group === group)
                        .flatMap(vm => vm.datastores),
                    ),
                  ].join(', ') || '–'}
                </Text>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </Flex>
  );
};
