export { PerfCard, PerfView } from './PerfCard';
