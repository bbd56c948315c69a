export * from './testenv';
