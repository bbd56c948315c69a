export { PlacementCard, PlacementView } from './PlacementCard';
