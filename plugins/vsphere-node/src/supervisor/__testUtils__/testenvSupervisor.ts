import fs from 'node:fs';
import { mockServices } from '@backstage/backend-test-utils';
import { SupervisorConfig } from '../../config';
import { TestenvInfo, loadTestenv } from '../../testUtils';
import { SupervisorClient, SupervisorClientOptions } from '../SupervisorClient';

/** The testenv's Supervisor as config, with the provisioning service account's token file. */
export function testenvSupervisorConfig(
  env: TestenvInfo,
  overrides: Partial<SupervisorConfig> = {},
): SupervisorConfig {
  return {
    name: 'supervisor',
    cluster: env.vcenter.wcpClusterId,
    url: env.supervisor.url,
    caData: fs.readFileSync(env.supervisor.caFile, 'utf8'),
    skipTLSVerify: false,
    tokenFile: env.supervisor.tokenFile,
    ...overrides,
  };
}

/** A client of the running testenv; throws (so the test fails) when the testenv is not up. */
export function testenvSupervisorClient(
  overrides: Partial<SupervisorConfig> = {},
  options: Partial<SupervisorClientOptions> = {},
): { env: TestenvInfo; client: SupervisorClient } {
  const env = loadTestenv();
  const client = SupervisorClient.create(
    testenvSupervisorConfig(env, overrides),
    {
      logger: mockServices.logger.mock(),
      requestTimeoutMs: 10_000,
      ...options,
    },
  );
  return { env, client };
}

/** A name no other run uses, so parallel runs and leftovers never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random()
    .toString(36)
    .slice(2, 6)}`;
}

/** Polls until `read` returns a value `done` accepts; the last value is in the failure message. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (done(last)) {
      return last;
    }
    if (Date.now() > end) {
      throw new Error(
        `Not reached within ${timeoutMs} ms; last value: ${JSON.stringify(
          last,
        )}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}
