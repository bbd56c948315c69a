import { InputError } from '@backstage/errors';

const BINARY_TO_MIB: Record<string, number> = {
  Mi: 1,
  MiB: 1,
  Gi: 1024,
  GiB: 1024,
  Ti: 1024 * 1024,
  TiB: 1024 * 1024,
};

const HZ_TO_MHZ: Record<string, number> = {
  MHz: 1,
  GHz: 1000,
};

function parse(
  field: string,
  value: string,
  units: Record<string, number>,
  example: string,
): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*$/.exec(value);
  const factor = match ? units[match[2]] : undefined;
  if (!match || factor === undefined) {
    throw new InputError(
      `${field}: '${value}' is not a quantity; use a number and one of ${Object.keys(
        units,
      ).join(', ')} (e.g. '${example}')`,
    );
  }
  const result = Number(match[1]) * factor;
  if (!Number.isInteger(result) || result <= 0) {
    throw new InputError(
      `${field}: '${value}' must be a positive whole number of ${
        Object.keys(units)[0]
      }`,
    );
  }
  return result;
}

/** Converts "8Gi" or "500GiB" to MiB, the unit of vSphere's memory and storage limits. */
export function parseMebibytes(field: string, value: string): number {
  return parse(field, value, BINARY_TO_MIB, '8Gi');
}

/** Converts "4GHz" or "4000MHz" to MHz, the unit of vSphere's CPU limits. */
export function parseMegahertz(field: string, value: string): number {
  return parse(field, value, HZ_TO_MHZ, '4GHz');
}
