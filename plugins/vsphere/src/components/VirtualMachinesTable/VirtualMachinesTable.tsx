import { Text } from '@backstage/ui';
import { VmServiceVm } from '@backstage-vsphere/plugin-vsphere-common';
import { statusTone } from '../../utils/statusTone';
import { toVmRow, VmRow } from '../../utils/toVmRow';
import { DataColumn, DataTable, elementCell, textCell } from '../DataTable';
import { StatusLabel } from '../StatusLabel';
import { VmPowerActions } from '../VmPowerActions';

/** Props of {@link VirtualMachinesTable}. */
export interface VirtualMachinesTableProps {
  vms: VmServiceVm[];
  namespace: string;
  entityRef: string;
  /** Names of the VMs the caller may power; the buttons are hidden otherwise. */
  powerableVms: string[];
  onPowered: (vm: VmServiceVm) => void;
}

/** "PoweredOn", "PoweredOff → PoweredOn" while the VM is still getting there, or "Deleting". */
const PowerCell = ({ row }: { row: VmRow }) => {
  if (row.vm.deletingSince) {
    return <StatusLabel tone="pending" label="Deleting" />;
  }
  const moving =
    row.desiredPowerState !== undefined &&
    row.powerState !== undefined &&
    row.desiredPowerState.toLowerCase() !== row.powerState.toLowerCase();
  return moving ? (
    <StatusLabel
      tone="pending"
      label={`${row.powerState} → ${row.desiredPowerState}`}
    />
  ) : (
    <StatusLabel tone={statusTone(row.powerState)} label={row.powerState} />
  );
};

// six columns fit 1280 px with the power buttons whole: class and datastore ride as second lines
const dataColumns: DataColumn<VmRow>[] = [
  {
    id: 'name',
    label: 'Name',
    width: '1.4fr',
    cell: row => textCell(row.name, undefined, row.className),
    value: row => row.name,
  },
  {
    id: 'power',
    label: 'Power',
    width: '1.2fr',
    cell: row => elementCell(<PowerCell row={row} />),
    value: row => row.powerState,
  },
  {
    id: 'image',
    label: 'Image',
    cell: row => textCell(row.imageName),
    value: row => row.imageName,
  },
  { id: 'ip', label: 'IP', cell: row => textCell(row.ip), value: r => r.ip },
  {
    id: 'host',
    label: 'Placement',
    width: '1.3fr',
    cell: row => textCell(row.host, undefined, row.datastore),
    value: row => row.host,
  },
];

/** The namespace's VM Service VMs with where vCenter runs them, and power buttons for those allowed. */
export const VirtualMachinesTable = (props: VirtualMachinesTableProps) => {
  const { vms, namespace, entityRef, powerableVms, onPowered } = props;
  const columns = [...dataColumns];
  if (vms.some(vm => powerableVms.includes(vm.name))) {
    columns.push({
      id: 'actions',
      label: 'Actions',
      // 'Power off' and 'Restart' stay whole at 1280 px; the text columns wrap instead
      width: 200,
      minWidth: 200,
      cell: row =>
        elementCell(
          powerableVms.includes(row.vm.name) ? (
            <VmPowerActions
              entityRef={entityRef}
              vm={row.vm}
              onPowered={onPowered}
            />
          ) : null,
        ),
    });
  }
  return (
    <DataTable<VmRow>
      title="Virtual machines"
      rows={vms.map(toVmRow)}
      columns={columns}
      emptyState={
        <Text as="p" style={{ padding: 16 }}>
          {`No VMs in namespace ${namespace}. Create one with the 'Virtual machine' template.`}
        </Text>
      }
    />
  );
};
