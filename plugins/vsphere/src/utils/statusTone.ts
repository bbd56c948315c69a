import { Condition } from '@backstage-vsphere/plugin-vsphere-common';

/** How a status reads at a glance; each tone has one status icon. */
export type StatusTone = 'ok' | 'pending' | 'warning' | 'error' | 'unknown';

const OK = ['running', 'ready', 'provisioned', 'poweredon', 'available'];
const PENDING = [
  'configuring',
  'removing',
  'pending',
  'provisioning',
  'scalingup',
  'scalingdown',
  'creating',
  'updating',
  'deleting',
];
const ERROR = ['error', 'failed'];
const WARNING = ['poweredoff', 'suspended'];

/** Tone of a vCenter config status, a Cluster API phase or a power state, case-insensitively. */
export function statusTone(status: string | undefined): StatusTone {
  const key = status?.toLowerCase() ?? '';
  if (OK.includes(key)) return 'ok';
  if (PENDING.includes(key)) return 'pending';
  if (ERROR.includes(key)) return 'error';
  if (WARNING.includes(key)) return 'warning';
  return 'unknown';
}

/**
 * Cluster API v1beta2 conditions of negative polarity: False is the healthy state, True means
 * something is under way (or, for Paused and Remediating, wants a look).
 */
const UNDER_WAY_WHEN_TRUE = [
  'ScalingUp',
  'ScalingDown',
  'RollingOut',
  'Deleting',
  'Remediating',
  'Paused',
  'Updating',
];

/** Tone of a Kubernetes condition: True is good, False needs a look, except for the conditions above. */
export function conditionTone(condition: Condition): StatusTone {
  if (UNDER_WAY_WHEN_TRUE.includes(condition.type)) {
    if (condition.status === 'False') return 'ok';
    if (condition.status === 'True') return 'pending';
    return 'unknown';
  }
  if (condition.status === 'True') return 'ok';
  if (condition.status === 'False') return 'warning';
  return 'unknown';
}
