export {
  ScaleNodePoolButton,
  useScaleNodePoolDialog,
} from './ScaleNodePoolButton';
export type { ScaleNodePoolButtonProps } from './ScaleNodePoolButton';
