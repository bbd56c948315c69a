export { DataTable, elementCell, textCell } from './DataTable';
export type { DataColumn, DataTableProps } from './DataTable';
