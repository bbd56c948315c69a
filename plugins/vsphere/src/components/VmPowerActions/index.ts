export { VmPowerActions } from './VmPowerActions';
export type { VmPowerActionsProps } from './VmPowerActions';
