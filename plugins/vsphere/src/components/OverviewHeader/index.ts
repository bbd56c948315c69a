export { OverviewHeader } from './OverviewHeader';
