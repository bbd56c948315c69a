export { SourceHealth } from './SourceHealth';
export { InventorySnapshot } from './InventorySnapshot';
export type {
  InventoryChange,
  InventorySnapshotOptions,
  NamespaceSnapshot,
} from './InventorySnapshot';
export { inventorySnapshotServiceRef } from './inventorySnapshotServiceRef';
export type { FedKind } from './SupervisorFeed';
