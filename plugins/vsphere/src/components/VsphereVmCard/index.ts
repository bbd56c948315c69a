export { VsphereVmCard } from './VsphereVmCard';
