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

/** Tone of a Kubernetes condition: True is good, False needs a look. */
export function conditionTone(condition: Condition): StatusTone {
  if (condition.status === 'True') return 'ok';
  if (condition.status === 'False') return 'warning';
  return 'unknown';
}
