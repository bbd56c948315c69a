import { mockServices } from '@backstage/backend-test-utils';
import { VCenterConfig } from '../../config';
import { VCenterHttp } from '../http';

/** A stubbed vCenter for unit tests; requests to it are answered by msw handlers. */
export const STUB_URL = 'https://vc.example.test';

export const STUB_PASSWORD = 'Pa$$w0rd<&>"\'';

export function stubConfig(
  overrides: Partial<VCenterConfig> = {},
): VCenterConfig {
  return {
    name: 'stub',
    url: STUB_URL,
    username: 'svc@vsphere.local',
    password: STUB_PASSWORD,
    skipTLSVerify: false,
    clientBaseUrl: `${STUB_URL}/ui`,
    requestTimeoutMs: 2000,
    inventoryPageSize: 2,
    supervisors: [],
    ...overrides,
  };
}

export function stubHttp(config: VCenterConfig = stubConfig()) {
  const logger = mockServices.logger.mock();
  return { config, logger, http: new VCenterHttp(config, logger) };
}
