export { VsphereNamespaceCard } from './VsphereNamespaceCard';
export type { VsphereEntityCardProps } from './VsphereNamespaceCard';
