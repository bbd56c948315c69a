export {
  checkDnsLabel,
  checkDnsSubdomain,
  isDnsLabel,
  isDnsSubdomain,
} from './names';
export { checkLabelSelector, isLabelSelector } from './labelSelector';
