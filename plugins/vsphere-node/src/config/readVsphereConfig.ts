import fs from 'node:fs';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { SupervisorConfig, VCenterConfig } from './types';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_PAGE_SIZE = 1000;

/** Config errors name the full key so an operator can find the line to fix. */
class VsphereConfigError extends Error {
  constructor(key: string, rule: string) {
    super(`Invalid config at '${key}': ${rule}`);
    this.name = 'VsphereConfigError';
  }
}

function readHttpsUrl(config: Config, key: string, path: string): string {
  const value = config.getString(key);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new VsphereConfigError(`${path}.${key}`, 'must be an absolute URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new VsphereConfigError(`${path}.${key}`, 'must be an http(s) URL');
  }
  return value.replace(/\/+$/, '');
}

function readCa(config: Config, path: string): string | undefined {
  const caData = config.getOptionalString('caData');
  if (caData) {
    return caData;
  }
  const caFile = config.getOptionalString('caFile');
  if (!caFile) {
    return undefined;
  }
  try {
    return fs.readFileSync(caFile, 'utf8');
  } catch (error) {
    throw new VsphereConfigError(
      `${path}.caFile`,
      `cannot read '${caFile}' (${(error as NodeJS.ErrnoException).code})`,
    );
  }
}

function readTimeoutMs(config: Config, path: string): number {
  if (!config.has('requestTimeout')) {
    return DEFAULT_TIMEOUT_MS;
  }
  try {
    const ms = durationToMilliseconds(
      readDurationFromConfig(config, { key: 'requestTimeout' }),
    );
    if (ms > 0) {
      return ms;
    }
  } catch {
    // fall through to the uniform message
  }
  throw new VsphereConfigError(
    `${path}.requestTimeout`,
    "must be a positive duration such as '10s' or { seconds: 10 }",
  );
}

function readSupervisor(config: Config, path: string): SupervisorConfig {
  const cluster = config.getString('cluster');
  const token = config.getOptionalString('token');
  const tokenFile = config.getOptionalString('tokenFile');
  if (!token && !tokenFile) {
    throw new VsphereConfigError(path, "needs 'token' or 'tokenFile'");
  }
  if (tokenFile && !fs.existsSync(tokenFile)) {
    throw new VsphereConfigError(
      `${path}.tokenFile`,
      `file '${tokenFile}' does not exist`,
    );
  }
  return {
    name: config.getOptionalString('name') ?? cluster,
    cluster,
    url: readHttpsUrl(config, 'url', path),
    caData: readCa(config, path),
    skipTLSVerify:
      config.getOptionalBoolean('dangerouslySkipTLSVerify') ?? false,
    token,
    tokenFile,
  };
}

function readVCenter(config: Config, path: string): VCenterConfig {
  const name = config.getString('name');
  if (!DNS_LABEL.test(name)) {
    throw new VsphereConfigError(
      `${path}.name`,
      `'${name}' must be a DNS label (lower-case letters, digits and '-')`,
    );
  }
  const url = readHttpsUrl(config, 'url', path);
  const pageSize =
    config.getOptionalNumber('inventoryPageSize') ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 10_000) {
    throw new VsphereConfigError(
      `${path}.inventoryPageSize`,
      'must be a whole number from 1 to 10000',
    );
  }
  const supervisors = (config.getOptionalConfigArray('supervisors') ?? []).map(
    (s, i) => readSupervisor(s, `${path}.supervisors[${i}]`),
  );
  return {
    name,
    url,
    username: config.getString('username'),
    password: config.getString('password'),
    caData: readCa(config, path),
    skipTLSVerify:
      config.getOptionalBoolean('dangerouslySkipTLSVerify') ?? false,
    clientBaseUrl:
      config.getOptionalString('clientBaseUrl')?.replace(/\/+$/, '') ??
      `${url}/ui`,
    requestTimeoutMs: readTimeoutMs(config, path),
    inventoryPageSize: pageSize,
    supervisors,
  };
}

/**
 * Reads and validates `vsphere.vcenters`; throws naming the key on the first problem.
 * @public
 */
export function readVsphereConfig(rootConfig: Config): VCenterConfig[] {
  const vcenters = (
    rootConfig.getOptionalConfigArray('vsphere.vcenters') ?? []
  ).map((c, i) => readVCenter(c, `vsphere.vcenters[${i}]`));
  const seen = new Set<string>();
  vcenters.forEach((vc, i) => {
    if (seen.has(vc.name)) {
      throw new VsphereConfigError(
        `vsphere.vcenters[${i}].name`,
        `'${vc.name}' is used by an earlier vCenter; names must be unique`,
      );
    }
    seen.add(vc.name);
  });
  return vcenters;
}
