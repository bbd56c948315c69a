export {
  checkDnsLabel,
  checkDnsSubdomain,
  isDnsLabel,
  isDnsSubdomain,
} from './names';
export {
  checkLabelSelector,
  isLabelSelector,
  labelSelectorMatcher,
  matchesLabelSelector,
} from './labelSelector';
