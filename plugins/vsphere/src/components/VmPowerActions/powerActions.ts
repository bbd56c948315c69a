import {
  VmPowerAction,
  VmServiceVm,
} from '@backstage-vsphere/plugin-vsphere-common';

/** How each power action is offered and confirmed. */
export const POWER_ACTIONS: Record<
  VmPowerAction,
  { label: string; consequence: (vm: string) => string }
> = {
  on: {
    label: 'Power on',
    consequence: vm =>
      `${vm} will start and take its share of the namespace's quota.`,
  },
  off: {
    label: 'Power off',
    consequence: vm =>
      `${vm} will stop; anything running on it goes down until it is powered on again.`,
  },
  restart: {
    label: 'Restart',
    consequence: vm =>
      `${vm} will restart; anything running on it is interrupted.`,
  },
};

/** The power state the VM reports, else the one vCenter reports, lower-cased. */
function powerStateOf(vm: VmServiceVm): string {
  return (vm.powerState ?? vm.vcenterVm?.powerState ?? '').toLowerCase();
}

/** Actions that make sense now: no powering on a running VM, no restarting a stopped one. */
export function availablePowerActions(vm: VmServiceVm): VmPowerAction[] {
  if (vm.deletingSince) return [];
  const state = powerStateOf(vm);
  if (state === 'poweredon') return ['off', 'restart'];
  if (state === 'poweredoff' || state === 'suspended') return ['on'];
  return ['on', 'off', 'restart'];
}
