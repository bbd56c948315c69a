export { CapacityCard, CapacityView } from './CapacityCard';
