export { VsphereEntityContent } from './VsphereEntityContent';
export type { VsphereEntityContentProps } from './VsphereEntityContent';
