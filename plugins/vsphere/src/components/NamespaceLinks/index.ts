export { NamespaceLinks } from './NamespaceLinks';
