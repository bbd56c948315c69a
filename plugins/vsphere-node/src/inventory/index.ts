export { SourceHealth } from './SourceHealth';
