import { Table, TableColumn } from '@backstage/core-components';
import { NodePoolMachine } from '@backstage-vsphere/plugin-vsphere-common';
import { statusTone } from '../../utils/statusTone';
import { StatusLabel } from '../StatusLabel';

/** A machine flattened with the vCenter VM behind it. */
interface MachineRow {
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
    name: machine.name,
    phase: machine.phase,
    vmName: vm?.name,
    ip: vm?.ipAddress,
    host: vm?.hostName ?? vm?.host,
    power: vm?.powerState,
  };
}

const columns: TableColumn<MachineRow>[] = [
  { title: 'Machine', field: 'name' },
  {
    title: 'Phase',
    field: 'phase',
    render: row => (
      <StatusLabel tone={statusTone(row.phase)} label={row.phase} />
    ),
  },
  { title: 'VM', field: 'vmName', emptyValue: 'not found in vCenter' },
  { title: 'IP', field: 'ip', emptyValue: '—' },
  { title: 'Host', field: 'host', emptyValue: '—' },
  {
    title: 'Power',
    field: 'power',
    render: row =>
      row.power ? (
        <StatusLabel tone={statusTone(row.power)} label={row.power} />
      ) : (
        '—'
      ),
  },
];

/** The machines of a node pool and the vCenter VM each runs on. */
export const NodeMachinesTable = (props: { machines: NodePoolMachine[] }) => (
  <Table<MachineRow>
    columns={columns}
    data={props.machines.map(toRow)}
    options={{ toolbar: false, paging: false, padding: 'dense' }}
    emptyContent={<div style={{ padding: 16 }}>No machines yet.</div>}
  />
);
