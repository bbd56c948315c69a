export { VsphereClusterCard } from './VsphereClusterCard';
