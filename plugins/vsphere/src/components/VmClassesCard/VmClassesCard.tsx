import { EntityInfoCard } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import {
  NamespaceOverview,
  NamespaceVmClass,
} from '@backstage-vsphere/plugin-vsphere-common';
import { formatQuantity } from '../../utils/formatQuantity';

const cell = { padding: '2px 16px 2px 0', textAlign: 'left' as const };

const RESERVATION: Record<NamespaceVmClass['reservation'], string> = {
  guaranteed: 'Guaranteed',
  'best-effort': 'Best effort',
  partial: 'Partly reserved',
  unknown: 'Not in vCenter',
};

function size(c: NamespaceVmClass): string {
  return [
    c.cpus !== undefined && `${c.cpus} vCPU`,
    c.memoryMiB !== undefined && formatQuantity(c.memoryMiB, 'MiB'),
  ]
    .filter(Boolean)
    .join(', ');
}

function percent(value: number | undefined): string {
  return value === undefined ? '—' : `${value} %`;
}

function memoryReserved(c: NamespaceVmClass): string {
  return c.memoryReservedMiB === undefined
    ? percent(c.memoryReservationPercent)
    : `${formatQuantity(c.memoryReservedMiB, 'MiB')} (${percent(
        c.memoryReservationPercent ?? 0,
      )})`;
}

/** The namespace's VM classes with what a VM of each really holds on its host. */
export const VmClassesCard = (props: { namespace?: NamespaceOverview }) => {
  // without vCenter's namespace record the status card already says what is missing
  if (!props.namespace) return null;
  // a backend older than the frontend sends names only
  const classes = props.namespace.vmClassDetails ?? [];
  return (
    <EntityInfoCard title="VM classes and reservations">
      {classes.length === 0 ? (
        <Text>
          No VM class assigned to this namespace: ask a vSphere admin to add one
          so VMs can be created.
        </Text>
      ) : (
        <Flex direction="column" gap="2">
          <Text color="secondary">
            A guaranteed class holds its CPU and memory on the host whatever the
            load; a best-effort class shares them and slows down when the host
            is busy.
          </Text>
          <table aria-label="VM classes">
            <thead>
              <tr>
                <th style={cell}>Class</th>
                <th style={cell}>Size</th>
                <th style={cell}>Reservation</th>
                <th style={cell}>CPU reserved</th>
                <th style={cell}>Memory reserved</th>
              </tr>
            </thead>
            <tbody>
              {classes.map(c => (
                <tr key={c.name}>
                  <td style={cell} title={c.description}>
                    {c.name}
                  </td>
                  <td style={cell}>{size(c) || '—'}</td>
                  <td style={cell}>{RESERVATION[c.reservation]}</td>
                  <td style={cell}>{percent(c.cpuReservationPercent)}</td>
                  <td style={cell}>{memoryReserved(c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Flex>
      )}
    </EntityInfoCard>
  );
};
