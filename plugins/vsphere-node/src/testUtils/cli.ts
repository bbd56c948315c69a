import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TestenvInfo } from './testenv';

/** The testenv state folder, where `env.json`, `bin/` and the pid files are. */
function stateDir(env: TestenvInfo): string {
  return path.dirname(path.dirname(env.vcenter.caFile));
}

/**
 * govc, built by `testenv smoke`, logged in to the simulator; returns its output.
 * @public
 */
export function testenvGovc(env: TestenvInfo, ...args: string[]): string {
  return execFileSync(path.join(stateDir(env), 'bin', 'govc'), args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GOVC_URL: env.vcenter.sdkUrl,
      GOVC_USERNAME: env.vcenter.username,
      GOVC_PASSWORD: env.vcenter.password,
      GOVC_TLS_CA_CERTS: env.vcenter.caFile,
    },
  });
}

/**
 * kubectl (from `testenv smoke`, else from PATH) as the Supervisor's admin; returns its output.
 * @public
 */
export function testenvKubectl(env: TestenvInfo, ...args: string[]): string {
  const built = path.join(stateDir(env), 'bin', 'kubectl');
  return execFileSync(
    fs.existsSync(built) ? built : 'kubectl',
    ['--kubeconfig', env.supervisor.adminKubeconfig, ...args],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/**
 * The pid testenv recorded for one of its servers (`vcsim`, `supervisor`), to pause it in a test.
 * @public
 */
export function testenvPid(env: TestenvInfo, component: string): number {
  const pid = Number(
    fs.readFileSync(path.join(stateDir(env), component, 'pid'), 'utf8').trim(),
  );
  if (!Number.isInteger(pid) || pid <= 0) {
    throw new Error(`testenv has no pid for ${component}`);
  }
  return pid;
}
