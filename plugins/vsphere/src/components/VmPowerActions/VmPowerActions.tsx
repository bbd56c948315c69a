import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Button, Flex } from '@backstage/ui';
import {
  VmPowerAction,
  VmServiceVm,
} from '@backstage-vsphere/plugin-vsphere-common';
import { vsphereApiRef } from '../../api';
import { ConfirmPowerDialog } from './ConfirmPowerDialog';
import { availablePowerActions, POWER_ACTIONS } from './powerActions';

/** Props of {@link VmPowerActions}. */
export interface VmPowerActionsProps {
  entityRef: string;
  vm: VmServiceVm;
  /** Called with the VM as the backend returned it after the action. */
  onPowered: (vm: VmServiceVm) => void;
}

/** Power buttons for one VM; each asks for confirmation before it calls the backend. */
export const VmPowerActions = (props: VmPowerActionsProps) => {
  const { entityRef, vm, onPowered } = props;
  const api = useApi(vsphereApiRef);
  const [action, setAction] = useState<VmPowerAction>();

  const confirm = async (chosen: VmPowerAction) => {
    const updated = await api.powerVm({
      entityRef,
      vm: vm.name,
      action: chosen,
    });
    setAction(undefined);
    onPowered(updated);
  };

  return (
    <Flex gap="1">
      {availablePowerActions(vm).map(candidate => (
        <Button
          key={candidate}
          size="small"
          variant="secondary"
          aria-label={`${POWER_ACTIONS[candidate].label} ${vm.name}`}
          onPress={() => setAction(candidate)}
        >
          {POWER_ACTIONS[candidate].label}
        </Button>
      ))}
      {action && (
        <ConfirmPowerDialog
          vmName={vm.name}
          action={action}
          onConfirm={() => confirm(action)}
          onCancel={() => setAction(undefined)}
        />
      )}
    </Flex>
  );
};
