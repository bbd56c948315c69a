export { VCenterClient } from './VCenterClient';
export { VCenterWatch } from './VCenterWatch';
export type { VCenterObjectChange, VCenterWatchOptions } from './VCenterWatch';
export type { ObjectProperties, PropertySpec } from './propertyCollector';
export type { MoRef } from './soapXml';
export type { HostUsage } from './capacity';
export { zonesOpenTo } from './zones';
export type {
  ContentLibrary,
  ContentLibraryItem,
  NamespaceAccessEntry,
  NamespaceContentLibrary,
  NamespaceCreateSpec,
  NamespaceNetworkSpec,
  NamespaceResourceSpec,
  NamespaceStorageSpec,
  NamespaceUpdateSpec,
  NamespaceVmServiceSpec,
  NamespaceZone,
  StoragePolicy,
  SupervisorCluster,
  SupervisorNamespace,
  SupervisorZone,
  VCenterCallOptions,
  VCenterCluster,
  VCenterDatastore,
  VCenterHost,
  VCenterResourcePool,
  VmClass,
} from './types';
