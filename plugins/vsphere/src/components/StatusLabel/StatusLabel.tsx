import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { StatusTone } from '../../utils/statusTone';

const ICONS: Record<StatusTone, typeof StatusOK> = {
  ok: StatusOK,
  pending: StatusPending,
  warning: StatusWarning,
  error: StatusError,
  unknown: StatusAborted,
};

/** A status icon in the colour of its tone, followed by its text. */
export const StatusLabel = (props: { tone: StatusTone; label?: string }) => {
  const Icon = ICONS[props.tone];
  return <Icon>{props.label ?? 'Unknown'}</Icon>;
};
