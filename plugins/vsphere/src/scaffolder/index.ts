export * from './legacy';
export type { VspherePickerUiOptions } from './VspherePicker';
