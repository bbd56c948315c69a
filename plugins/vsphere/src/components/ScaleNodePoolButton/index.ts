export { ScaleNodePoolButton } from './ScaleNodePoolButton';
export type { ScaleNodePoolButtonProps } from './ScaleNodePoolButton';
