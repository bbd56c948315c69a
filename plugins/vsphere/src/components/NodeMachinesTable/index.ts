export { NodeMachinesTable } from './NodeMachinesTable';
