/**
 * vCenter and Supervisor clients and configuration for the vSphere backend plugins.
 *
 * @packageDocumentation
 */

export * from './config';
export * from './vcenter';
export * from './supervisor';
export * from './service';
export * from './catalog';
export * from './links';
export * from './validation';
export * from './authorization';
export * from './inventory';
export * from './insights';
