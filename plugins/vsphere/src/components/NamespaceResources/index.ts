export { NamespaceResources } from './NamespaceResources';
