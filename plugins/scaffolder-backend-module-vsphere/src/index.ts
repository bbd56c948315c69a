/***/
/**
 * The vsphere backend module for the scaffolder plugin.
 *
 * @packageDocumentation
 */

export { scaffolderModuleVsphere as default } from './module';
