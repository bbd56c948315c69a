import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// The portal runs against testenv; its state (written by `testenv/testenv up`) names the servers.
const repoRoot = path.resolve(__dirname, '../../..');
const envFile =
  process.env.TESTENV_FILE ?? path.join(repoRoot, '.testenv', 'env.json');

interface Testenv {
  vcenter: {
    url: string;
    sdkUrl: string;
    username: string;
    password: string;
    caFile: string;
  };
  supervisor: { adminKubeconfig: string };
}

export const testenv: Testenv = JSON.parse(fs.readFileSync(envFile, 'utf8'));

/** govc, the vSphere command line built by testenv, logged in to the simulator. */
export function govc(...args: string[]): string {
  return execFileSync(path.join(path.dirname(envFile), 'bin', 'govc'), args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GOVC_URL: testenv.vcenter.sdkUrl,
      GOVC_USERNAME: testenv.vcenter.username,
      GOVC_PASSWORD: testenv.vcenter.password,
      GOVC_TLS_CA_CERTS: testenv.vcenter.caFile,
    },
  });
}

// `testenv smoke` builds kubectl there when the machine has none
const builtKubectl = path.join(path.dirname(envFile), 'bin', 'kubectl');
const kubectlBinary = fs.existsSync(builtKubectl) ? builtKubectl : 'kubectl';

/** kubectl as the Supervisor's admin, with JSON output. */
export function kubectl<T = any>(...args: string[]): T {
  return JSON.parse(
    execFileSync(
      kubectlBinary,
      [
        '--kubeconfig',
        testenv.supervisor.adminKubeconfig,
        ...args,
        '-o',
        'json',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    ),
  );
}

/** Runs a clean-up command and ignores "already gone". */
export function tryRun(cleanUp: () => unknown) {
  try {
    cleanUp();
  } catch {
    // already gone
  }
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random()
    .toString(36)
    .slice(2, 6)}`;
}

/** The desired size of team-a's `workers` pool, as the Supervisor holds it. */
export function teamAWorkers(): number {
  const tkc = kubectl(
    '-n',
    'team-a',
    'get',
    'tanzukubernetescluster',
    'team-a-tkc',
  );
  return tkc.spec.topology.nodePools.find(
    (p: { name: string }) => p.name === 'workers',
  ).replicas;
}
