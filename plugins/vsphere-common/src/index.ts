/**
 * Types, annotation keys and permissions shared by the vSphere plugins.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './permissions';
export * from './types';
export * from './overview';
export * from './supervisorTypes';
export * from './events';
export * from './insights';
export * from './kubernetes';
