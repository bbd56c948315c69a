export { LimitRangeTable } from './LimitRangeTable';
