import { Table, TableColumn } from '@backstage/core-components';
import { Text } from '@backstage/ui';
import { VmServiceVm } from '@backstage-vsphere/plugin-vsphere-common';
import { statusTone } from '../../utils/statusTone';
import { StatusLabel } from '../StatusLabel';
import { VmPowerActions } from '../VmPowerActions';
import { toVmRow, VmRow } from '../../utils/toVmRow';

/** Props of {@link VirtualMachinesTable}. */
export interface VirtualMachinesTableProps {
  vms: VmServiceVm[];
  namespace: string;
  entityRef: string;
  /** Whether the caller may power VMs; the buttons are hidden otherwise. */
  /** Names of the VMs the caller may power. */
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

/** The namespace's VM Service VMs with where vCenter runs them, and power buttons for those allowed. */
export const VirtualMachinesTable = (props: VirtualMachinesTableProps) => {
  const { vms, namespace, entityRef, powerableVms, onPowered } = props;
  const columns: TableColumn<VmRow>[] = [
    { title: 'Name', field: 'name', highlight: true },
    {
      title: 'Power',
      field: 'powerState',
      render: row => <PowerCell row={row} />,
    },
    { title: 'Class', field: 'className', emptyValue: '—' },
    { title: 'Image', field: 'imageName', emptyValue: '—' },
    { title: 'IP', field: 'ip', emptyValue: '—' },
    { title: 'Host', field: 'host', emptyValue: '—' },
    { title: 'Datastore', field: 'datastore', emptyValue: '—' },
  ];
  if (vms.some(vm => powerableVms.includes(vm.name))) {
    columns.push({
      title: 'Actions',
      sorting: false,
      render: row =>
        powerableVms.includes(row.vm.name) ? (
          <VmPowerActions
            entityRef={entityRef}
            vm={row.vm}
            onPowered={onPowered}
          />
        ) : null,
    });
  }
  return (
    <Table<VmRow>
      title="Virtual machines"
      columns={columns}
      data={vms.map(toVmRow)}
      options={{ paging: vms.length > 20, pageSize: 20, padding: 'dense' }}
      emptyContent={
        <Text as="p" style={{ padding: 16 }}>
          {`No VMs in namespace ${namespace}. Create one with the 'Virtual machine' template.`}
        </Text>
      }
    />
  );
};
