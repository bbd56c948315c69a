import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Text,
} from '@backstage/ui';
import { VmPowerAction } from '@backstage-vsphere/plugin-vsphere-common';
import { POWER_ACTIONS } from './powerActions';

/** Props of {@link ConfirmPowerDialog}. */
export interface ConfirmPowerDialogProps {
  vmName: string;
  action: VmPowerAction;
  /** Runs the action; a rejection is shown in the dialog. */
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}

/** Asks before powering a VM, shows progress while the backend works, and its error if any. */
export const ConfirmPowerDialog = (props: ConfirmPowerDialogProps) => {
  const { vmName, action, onConfirm, onCancel } = props;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error>();
  const { label, consequence } = POWER_ACTIONS[action];

  const run = async () => {
    setPending(true);
    setError(undefined);
    try {
      await onConfirm();
    } catch (e) {
      setError(e as Error);
      setPending(false);
    }
  };

  return (
    <Dialog
      isOpen
      isDismissable={!pending}
      onOpenChange={open => !open && !pending && onCancel()}
    >
      <DialogHeader>{`${label} ${vmName}?`}</DialogHeader>
      <DialogBody>
        <Text>{consequence(vmName)}</Text>
        {error && (
          <Alert
            status="danger"
            icon
            title={`${label} failed`}
            description={error.message}
          />
        )}
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onPress={onCancel} isDisabled={pending}>
          Cancel
        </Button>
        <Button
          variant="primary"
          destructive={action !== 'on'}
          isPending={pending}
          onPress={run}
        >
          {label}
        </Button>
      </DialogFooter>
    </Dialog>
  );
};
