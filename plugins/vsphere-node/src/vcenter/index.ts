export { VCenterClient } from './VCenterClient';
export type { HostUsage } from './capacity';
export type {
  ContentLibrary,
  ContentLibraryItem,
  NamespaceAccessEntry,
  NamespaceCreateSpec,
  NamespaceResourceSpec,
  NamespaceStorageSpec,
  NamespaceUpdateSpec,
  NamespaceVmServiceSpec,
  StoragePolicy,
  SupervisorCluster,
  SupervisorNamespace,
  VCenterCallOptions,
  VCenterCluster,
  VCenterDatastore,
  VCenterHost,
  VCenterResourcePool,
  VmClass,
} from './types';
