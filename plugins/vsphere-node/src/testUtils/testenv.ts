import fs from 'node:fs';
import path from 'node:path';
import https from 'node:https';
import { JsonObject } from '@backstage/types';

/**
 * What `testenv/testenv up` writes to `.testenv/env.json`.
 *
 * @public
 */
export interface TestenvInfo {
  vcenter: {
    name: string;
    url: string;
    sdkUrl: string;
    username: string;
    password: string;
    caFile: string;
    recorderFile: string;
    wcpClusterId: string;
    /** The second Supervisor-enabled cluster (WCP-Cluster-2). */
    wcp2ClusterId: string;
    vmCount: number;
  };
  supervisor: {
    url: string;
    caFile: string;
    tokenFile: string;
    readonlyTokenFile: string;
    kubeconfig: string;
    adminKubeconfig: string;
  };
  /** The second Supervisor (WCP-Cluster-2's), a kube-apiserver of its own with namespace team-b. */
  supervisor2: {
    cluster: string;
    url: string;
    caFile: string;
    tokenFile: string;
    readonlyTokenFile: string;
    kubeconfig: string;
    adminKubeconfig: string;
  };
  /** The workload cluster's own API server (demo-cluster's endpoint), a second kube-apiserver. */
  workload: {
    cluster: string;
    url: string;
    caFile: string;
    readerTokenFile: string;
    adminKubeconfig: string;
  };
}

/**
 * One request the vSphere simulator recorded.
 *
 * @public
 */
export interface RecordedRequest {
  time: string;
  method: string;
  path: string;
  query?: string;
  status: number;
  body?: unknown;
  operation?: string;
}

function findRepoRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'backstage.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`no backstage.json above ${start}`);
    }
    dir = parent;
  }
  return dir;
}

/**
 * Reads the running testenv's connection details; fails (never skips) when it is not up.
 * @public
 */
export function loadTestenv(): TestenvInfo {
  const file =
    process.env.TESTENV_FILE ??
    path.join(findRepoRoot(process.cwd()), '.testenv', 'env.json');
  if (!fs.existsSync(file)) {
    throw new Error(
      `Integration tests need the test servers: run 'testenv/testenv up' first (${file} is missing).`,
    );
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * The `vsphere` config section that points the plugins at the testenv servers.
 * @public
 */
export function testenvVsphereConfig(
  env: TestenvInfo = loadTestenv(),
  overrides: JsonObject = {},
): JsonObject {
  return {
    vcenters: [
      {
        name: env.vcenter.name,
        url: env.vcenter.url,
        username: env.vcenter.username,
        password: env.vcenter.password,
        caFile: env.vcenter.caFile,
        requestTimeout: '5s',
        supervisors: [
          {
            name: 'supervisor',
            cluster: env.vcenter.wcpClusterId,
            url: env.supervisor.url,
            caFile: env.supervisor.caFile,
            tokenFile: env.supervisor.tokenFile,
          },
        ],
        ...overrides,
      },
    ],
  };
}

/**
 * Both testenv Supervisors as `supervisors` config entries: `supervisor` (WCP-Cluster, namespaces
 * demo and team-a) and `supervisor2` (WCP-Cluster-2, namespace team-b). Pass them as an override
 * of {@link testenvVsphereConfig}, which configures the first one alone.
 * @public
 */
export function testenvSupervisors(env: TestenvInfo = loadTestenv()) {
  return [
    {
      name: 'supervisor',
      cluster: env.vcenter.wcpClusterId,
      url: env.supervisor.url,
      caFile: env.supervisor.caFile,
      tokenFile: env.supervisor.tokenFile,
    },
    {
      name: 'supervisor2',
      cluster: env.supervisor2.cluster,
      url: env.supervisor2.url,
      caFile: env.supervisor2.caFile,
      tokenFile: env.supervisor2.tokenFile,
    },
  ];
}

/**
 * Requests the simulator recorded after the given line count (see {@link recorderPosition}).
 * @public
 */
export function readRecordedRequests(
  env: TestenvInfo,
  fromLine = 0,
): RecordedRequest[] {
  const lines = fs
    .readFileSync(env.vcenter.recorderFile, 'utf8')
    .split('\n')
    .filter(Boolean);
  return lines.slice(fromLine).map(line => JSON.parse(line));
}

/**
 * The recorder's current length, to read only what a test sent afterwards.
 * @public
 */
export function recorderPosition(env: TestenvInfo): number {
  return readRecordedRequests(env).length;
}

function adminRequest(
  env: TestenvInfo,
  method: 'GET' | 'POST',
  adminPath: string,
): Promise<string> {
  const url = new URL(adminPath, env.vcenter.url);
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      { method, ca: fs.readFileSync(env.vcenter.caFile) },
      res => {
        let body = '';
        res.on('data', chunk => (body += chunk));
        res.on('end', () =>
          res.statusCode && res.statusCode < 300
            ? resolve(body)
            : reject(new Error(`${method} ${adminPath}: ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/**
 * Live client sessions on the simulator.
 * @public
 */
export async function simulatorSessions(
  env: TestenvInfo,
): Promise<{ rest: number; soap: number }> {
  return JSON.parse(await adminRequest(env, 'GET', '/testenv/sessions'));
}

/**
 * Makes the simulator forget every client session, as a vCenter does when sessions expire.
 * @public
 */
export async function dropSimulatorSessions(env: TestenvInfo): Promise<void> {
  await adminRequest(env, 'POST', '/testenv/sessions/drop');
}

/** What the live inventory's vCenter feed sends on its own, whatever the test does. */
const FEED_OPERATIONS = new Set([
  'CreatePropertyCollector',
  'CreateContainerView',
  'CreateFilter',
  'WaitForUpdatesEx',
  'CancelWaitForUpdates',
  'DestroyPropertyFilter',
  'DestroyPropertyCollector',
  'DestroyView',
]);

/**
 * Recorded requests other than the live inventory feed's long-polls and set-up, i.e. what a
 * request under test caused.
 * @public
 */
export function readRequestsBesidesFeed(
  env: TestenvInfo,
  fromLine = 0,
): RecordedRequest[] {
  return readRecordedRequests(env, fromLine).filter(
    r => !r.operation || !FEED_OPERATIONS.has(r.operation),
  );
}
