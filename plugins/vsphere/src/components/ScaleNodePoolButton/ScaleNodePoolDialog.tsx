import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Text,
  TextField,
} from '@backstage/ui';
import { NodePool } from '@backstage-vsphere/plugin-vsphere-common';
import { MAX_NODE_POOL_REPLICAS, validateReplicas } from './validateReplicas';

/** Props of {@link ScaleNodePoolDialog}. */
export interface ScaleNodePoolDialogProps {
  clusterName: string;
  pool: NodePool;
  /** Sends the new replica count; a rejection is shown in the dialog. */
  onScale: (replicas: number) => Promise<void>;
  onCancel: () => void;
}

/** Asks for a new replica count, validates it, and shows progress while the backend scales. */
export const ScaleNodePoolDialog = (props: ScaleNodePoolDialogProps) => {
  const { clusterName, pool, onScale, onCancel } = props;
  const [text, setText] = useState(String(pool.desiredReplicas));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error>();
  const invalid = validateReplicas(text, pool.desiredReplicas);

  const run = async () => {
    setPending(true);
    setError(undefined);
    try {
      await onScale(Number(text.trim()));
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
      <DialogHeader>{`Scale node pool ${pool.name}`}</DialogHeader>
      <DialogBody>
        <Flex direction="column" gap="3">
          <Text>
            {`${clusterName}/${pool.name} asks for ${
              pool.desiredReplicas
            } and has ${
              pool.readyReplicas
            } ready. Each replica is a VM of class ${
              pool.vmClass ?? 'unknown'
            } counted against the namespace's quota.`}
          </Text>
          <TextField
            label="Replicas"
            description={`A whole number from 0 to ${MAX_NODE_POOL_REPLICAS}.`}
            value={text}
            onChange={setText}
            isDisabled={pending}
            validationBehavior="aria"
            validate={value => validateReplicas(value, pool.desiredReplicas)}
          />
          {error && (
            <Alert
              status="danger"
              icon
              title="Scaling failed"
              description={error.message}
            />
          )}
        </Flex>
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onPress={onCancel} isDisabled={pending}>
          Cancel
        </Button>
        <Button
          variant="primary"
          isPending={pending}
          isDisabled={invalid !== undefined}
          onPress={run}
        >
          Scale
        </Button>
      </DialogFooter>
    </Dialog>
  );
};
