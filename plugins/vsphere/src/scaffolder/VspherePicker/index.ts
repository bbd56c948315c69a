export { VspherePicker } from './VspherePicker';
export type { VspherePickerProps } from './VspherePicker';
export { pickerQuery } from './pickerQuery';
export type { VspherePickerUiOptions } from './pickerQuery';
