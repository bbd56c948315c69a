export {
  kubectlLoginCommand,
  namespaceClientUrl,
  vmClientUrl,
} from './vsphereLinks';
