export {
  VsphereTaskNotifier,
  VSPHERE_NOTIFICATION_TOPIC,
  type ActionRunReport,
} from './VsphereTaskNotifier';
export { withNotifications } from './withNotifications';
export type { ActionOutcome } from './outcomeText';
