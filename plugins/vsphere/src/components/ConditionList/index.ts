export { ConditionList } from './ConditionList';
