import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { VmServiceVm } from '@backstage-vsphere/plugin-vsphere-common';
import {
  SupervisorClient,
  VirtualMachineSpec,
} from '@backstage-vsphere/plugin-vsphere-node';
import { waitFor } from './waitFor';
import { sizeDiffers } from './vmSize';
import { ZONE_LABEL } from './zones';

/** The VM, or undefined when there is none. */
export async function findVm(
  supervisor: SupervisorClient,
  namespace: string,
  name: string,
  signal?: AbortSignal,
): Promise<VmServiceVm | undefined> {
  try {
    return await supervisor.getVirtualMachine(namespace, name, { signal });
  } catch (error) {
    if (error instanceof NotFoundError) {
      return undefined;
    }
    throw error;
  }
}

/** Ready: in the asked power state with a vCenter id, and with an IP when powered on. */
export function isVmReady(vm: VmServiceVm, powerState: string): boolean {
  return (
    vm.powerState === powerState &&
    Boolean(vm.uniqueID) &&
    (powerState !== 'PoweredOn' || Boolean(vm.primaryIP4))
  );
}

/** Waits until the VM is in the asked power state, with an IP when powered on. */
export function waitForVm(options: {
  supervisor: SupervisorClient;
  namespace: string;
  name: string;
  powerState: string;
  timeoutMs: number;
  intervalMs: number;
  logger: LoggerService;
  signal?: AbortSignal;
}): Promise<VmServiceVm> {
  const { supervisor, namespace, name, powerState } = options;
  return waitFor({
    ...options,
    what: `VM '${name}' to be ${powerState}${
      powerState === 'PoweredOn' ? ' with an IP address' : ''
    }`,
    observe: async signal => {
      const vm = await supervisor.getVirtualMachine(namespace, name, {
        signal,
      });
      return {
        state: `VM '${name}': power state ${
          vm.powerState ?? 'not reported yet'
        }, IP ${vm.primaryIP4 ?? 'none yet'}, vCenter id ${
          vm.uniqueID ?? 'none yet'
        }`,
        done: isVmReady(vm, powerState),
        value: vm,
      };
    },
  });
}

/** The fields of an existing VM that differ from the asked spec. */
export function vmDifferences(
  vm: VmServiceVm,
  spec: VirtualMachineSpec,
): string[] {
  return [
    vm.className !== spec.className && 'className',
    vm.imageName !== spec.imageName && 'imageName',
    spec.storageClass &&
      vm.storageClass !== spec.storageClass &&
      'storageClass',
    vm.desiredPowerState !== spec.powerState && 'powerState',
    sizeDiffers(vm.size, spec.size) && 'size',
    spec.labels?.[ZONE_LABEL] !== undefined &&
      vm.labels[ZONE_LABEL] !== spec.labels[ZONE_LABEL] &&
      'zone',
  ].filter((f): f is string => Boolean(f));
}
