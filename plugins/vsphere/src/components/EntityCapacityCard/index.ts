export { EntityCapacityCard, EntityPlacementCard } from './EntityCapacityCard';
