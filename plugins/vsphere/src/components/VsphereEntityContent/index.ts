export { VsphereEntityContent } from './VsphereEntityContent';
