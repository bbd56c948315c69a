export { VirtualMachinesTable } from './VirtualMachinesTable';
export type { VirtualMachinesTableProps } from './VirtualMachinesTable';
