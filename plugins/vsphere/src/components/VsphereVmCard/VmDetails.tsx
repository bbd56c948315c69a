import { Flex } from '@backstage/ui';
import { VmServiceVm } from '@backstage-vsphere/plugin-vsphere-common';
import { formatQuantity } from '../../utils/formatQuantity';
import { ConditionList } from '../ConditionList';
import { FactList } from '../FactList';
import { ownSizeText, toVmRow } from '../../utils/toVmRow';

/** "2 vCPU, 4 GiB" from what vCenter reports, else the VM's own size as asked. */
function size(vm: VmServiceVm): string | undefined {
  const vc = vm.vcenterVm;
  if (vc?.cpuCount === undefined || vc.memoryMiB === undefined)
    return ownSizeText(vm);
  return `${vc.cpuCount} vCPU, ${formatQuantity(vc.memoryMiB, 'MiB')}`;
}

/** One VM's class, image, address, placement and conditions. */
export const VmDetails = (props: { vm: VmServiceVm }) => {
  const row = toVmRow(props.vm);
  return (
    <Flex direction="column" gap="3">
      <FactList
        facts={[
          { label: 'Class', value: row.className },
          { label: 'Image', value: row.imageName },
          { label: 'Size', value: size(props.vm) },
          { label: 'IP', value: row.ip },
          { label: 'Host', value: row.host },
          { label: 'Datastore', value: row.datastore },
          { label: 'Guest OS', value: props.vm.vcenterVm?.guestOs },
        ]}
      />
      {props.vm.conditions.length > 0 && (
        <ConditionList conditions={props.vm.conditions} />
      )}
    </Flex>
  );
};
