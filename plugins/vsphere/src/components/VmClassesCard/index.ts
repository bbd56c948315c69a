export { VmClassesCard } from './VmClassesCard';
