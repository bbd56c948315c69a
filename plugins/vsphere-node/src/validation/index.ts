export {
  checkDnsLabel,
  checkDnsSubdomain,
  isDnsLabel,
  isDnsSubdomain,
} from './names';
export {
  checkLabelSelector,
  isLabelSelector,
  matchesLabelSelector,
} from './labelSelector';
