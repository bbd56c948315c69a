export { NamespaceStatusCard } from './NamespaceStatusCard';
export type { NamespaceStatusCardProps } from './NamespaceStatusCard';
