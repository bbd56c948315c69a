import { QuotaUsage } from '@backstage-vsphere/plugin-vsphere-common';

const MIB_UNITS = ['MiB', 'GiB', 'TiB', 'PiB'];

/** At most one decimal, without a trailing `.0`. */
function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Formats MHz as MHz or GHz, and MiB as MiB, GiB, TiB or PiB. */
export function formatQuantity(
  value: number,
  unit: QuotaUsage['unit'],
): string {
  if (unit === 'MHz') {
    return value >= 1000 ? `${round(value / 1000)} GHz` : `${round(value)} MHz`;
  }
  let scaled = value;
  let index = 0;
  while (scaled >= 1024 && index < MIB_UNITS.length - 1) {
    scaled /= 1024;
    index += 1;
  }
  return `${round(scaled)} ${MIB_UNITS[index]}`;
}

/** "4 GHz of 20 GHz", "4 GHz used, no limit", or "unknown of 20 GHz". */
export function formatUsage(quota: QuotaUsage): string {
  const used =
    quota.used === undefined
      ? 'unknown'
      : formatQuantity(quota.used, quota.unit);
  if (quota.limit === undefined) {
    return `${used} used, no limit`;
  }
  return `${used} of ${formatQuantity(quota.limit, quota.unit)}`;
}
