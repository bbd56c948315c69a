import { NodePoolMachine } from '@backstage-vsphere/plugin-vsphere-common';
import { statusTone } from '../../utils/statusTone';
import { DataColumn, DataTable, elementCell, textCell } from '../DataTable';
import { StatusLabel } from '../StatusLabel';

/** A machine flattened with the vCenter VM behind it. */
interface MachineRow {
  id: string;
  name: string;
  phase?: string;
  vmName?: string;
  ip?: string;
  host?: string;
  power?: string;
}

function toRow(machine: NodePoolMachine): MachineRow {
  const vm = machine.vcenterVm;
  return {
    id: machine.name,
    name: machine.name,
    phase: machine.phase,
    vmName: vm?.name,
    ip: vm?.ipAddress,
    host: vm?.hostName ?? vm?.host,
    power: vm?.powerState,
  };
}

const columns: DataColumn<MachineRow>[] = [
  {
    id: 'machine',
    label: 'Machine',
    cell: row => textCell(row.name),
    value: row => row.name,
  },
  {
    id: 'phase',
    label: 'Phase',
    cell: row =>
      elementCell(
        <StatusLabel tone={statusTone(row.phase)} label={row.phase} />,
      ),
    value: row => row.phase,
  },
  {
    id: 'vm',
    label: 'VM',
    cell: row => textCell(row.vmName, 'not found in vCenter'),
    value: row => row.vmName,
  },
  { id: 'ip', label: 'IP', cell: row => textCell(row.ip), value: r => r.ip },
  {
    id: 'host',
    label: 'Host',
    cell: row => textCell(row.host),
    value: row => row.host,
  },
  {
    id: 'power',
    label: 'Power',
    cell: row =>
      row.power
        ? elementCell(
            <StatusLabel tone={statusTone(row.power)} label={row.power} />,
          )
        : textCell(undefined),
    value: row => row.power,
  },
];

/** The machines of a node pool and the vCenter VM each runs on. */
export const NodeMachinesTable = (props: { machines: NodePoolMachine[] }) => (
  <DataTable<MachineRow>
    rows={props.machines.map(toRow)}
    columns={columns}
    emptyState={<div style={{ padding: 16 }}>No machines yet.</div>}
  />
);
