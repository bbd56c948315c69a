export { NodePoolsTable } from './NodePoolsTable';
export type { NodePoolsTableProps } from './NodePoolsTable';
