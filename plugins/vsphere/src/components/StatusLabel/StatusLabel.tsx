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

/** A status icon in the colour of its tone, followed by its text, broken only between words. */
export const StatusLabel = (props: { tone: StatusTone; label?: string }) => {
  const Icon = ICONS[props.tone];
  // 'PoweredOff → PoweredOn' may wrap at its spaces in a narrow column, never mid-word
  return (
    <span style={{ overflowWrap: 'normal', wordBreak: 'keep-all' }}>
      <Icon>{props.label ?? 'Unknown'}</Icon>
    </span>
  );
};
