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

/** A status icon in the colour of its tone, followed by its text on one line. */
export const StatusLabel = (props: { tone: StatusTone; label?: string }) => {
  const Icon = ICONS[props.tone];
  // narrow table columns would otherwise break 'PoweredOff' mid-word
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Icon>{props.label ?? 'Unknown'}</Icon>
    </span>
  );
};
