export { OverviewErrorPanel } from './OverviewErrorPanel';
