/**
 * Scaffolder actions that provision Supervisor namespaces, VM Service VMs, clusters and node
 * pools on VMware vSphere.
 *
 * @packageDocumentation
 */

export { scaffolderModuleVsphere as default } from './module';
export * from './actions';
export * from './notifications';
