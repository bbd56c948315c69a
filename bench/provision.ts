/*
 * Benchmark 4: provisioning. Runs our scaffolder actions' handlers against the testenv copy, as
 * the scaffolder would, and splits each action's wall time into waiting on the upstream and our
 * own overhead.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/provision.ts
 *
 * 1. `vsphere:namespace:create` of a new namespace, until vCenter reports it RUNNING;
 * 2. `vsphere:nodepool:create` of a new 1-node pool on `demo/demo-cluster`, until it is ready.
 * Then the pool and the namespace are deleted again (not timed), so runs can repeat.
 *
 * Waiting = the union of the time inside HTTP requests to vCenter or the kube-apiserver and the
 * poll sleeps between readiness checks (timers of exactly the poll interval); overhead = wall
 * time minus waiting, i.e. our code on the CPU (validation, JSON, TLS, logging).
 */
import { ClientRequest } from 'node:http';
import { PassThrough } from 'node:stream';
import {
  installRequestCounter,
  loadTestenv,
  logger,
  now,
  peakRssMiB,
  vcenterConfigs,
} from './common';

type Interval = [number, number];
const httpTimes: Interval[] = [];
const sleepTimes: Interval[] = [];
let upstreamPorts: string[] = [];

// time every upstream request from its start to the end (or failure) of its response
installRequestCounter((host: string, req: ClientRequest) => {
  if (!upstreamPorts.some(p => host.endsWith(`:${p}`))) return;
  const start = now();
  let done = false;
  const finish = () => {
    if (!done) httpTimes.push([start, now()]);
    done = true;
  };
  req.on('response', res => res.on('end', finish).on('close', finish));
  req.on('error', finish);
  req.on('close', finish);
});

// the actions' waitFor sleeps with setTimeout(intervalMs): time those timers
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 3000);
const realSetTimeout = global.setTimeout;
global.setTimeout = ((
  fn: (...a: any[]) => void,
  ms?: number,
  ...rest: any[]
) => {
  if (ms !== POLL_MS) return realSetTimeout(fn, ms, ...rest);
  const start = now();
  return realSetTimeout(() => {
    sleepTimes.push([start, now()]);
    fn(...rest);
  }, ms);
}) as typeof setTimeout;

/* eslint-disable @typescript-eslint/no-require-imports */
const { VsphereClients } = require('@backstage-vsphere/plugin-vsphere-node');
const {
  createVsphereNamespaceCreateAction,
  createVsphereNodePoolCreateAction,
  createVsphereNodePoolDeleteAction,
} = require('@backstage-vsphere/plugin-scaffolder-backend-module-vsphere');
const { AuthorizeResult } = require('@backstage/plugin-permission-common');
/* eslint-enable @typescript-eslint/no-require-imports */

/** Total length of the union of intervals, clipped to [from, to]. */
function covered(intervals: Interval[], from: number, to: number): number {
  const sorted = intervals
    .map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as Interval)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of sorted) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

/** Allow-all permissions and a silent auditor: the services the actions take. */
function actionOptions(clients: unknown) {
  return {
    clients,
    pollIntervalMs: POLL_MS,
    permissions: {
      authorize: async (r: unknown[]) =>
        r.map(() => ({ result: AuthorizeResult.ALLOW })),
      authorizeConditional: async (r: unknown[]) =>
        r.map(() => ({ result: AuthorizeResult.ALLOW })),
    },
    auditor: {
      createEvent: async () => ({
        success: async () => {},
        fail: async () => {},
      }),
    },
  };
}

/** Runs one action's handler with a context like the scaffolder's; times it. */
async function run(action: any, input: Record<string, unknown>) {
  const outputs: Record<string, unknown> = {};
  const ctx = {
    input,
    logger,
    logStream: new PassThrough(),
    output: (name: string, value: unknown) => (outputs[name] = value),
    checkpoint: async (o: { fn: () => unknown }) => o.fn(),
    getInitiatorCredentials: async () => ({
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'user', userEntityRef: 'user:default/bench' },
    }),
    createTemporaryDirectory: async () => process.cwd(),
    workspacePath: process.cwd(),
    task: { id: 'bench-task' },
    step: { id: 'bench', name: 'bench' },
    isDryRun: false,
  };
  httpTimes.length = 0;
  sleepTimes.length = 0;
  const cpu0 = process.cpuUsage();
  const t0 = now();
  await action.handler(ctx);
  const t1 = now();
  const cpu = process.cpuUsage(cpu0);
  const waiting = covered([...httpTimes, ...sleepTimes], t0, t1);
  return {
    outputs,
    totalMs: t1 - t0,
    waitingMs: waiting,
    inRequestsMs: covered(httpTimes, t0, t1),
    sleepingMs: covered(sleepTimes, t0, t1),
    overheadMs: t1 - t0 - waiting,
    cpuMs: (cpu.user + cpu.system) / 1000,
    requests: httpTimes.length,
    polls: sleepTimes.length + 1,
  };
}

async function main() {
  const env = loadTestenv();
  upstreamPorts = [
    new URL(env.vcenter.url).port,
    new URL(env.supervisor.url).port,
  ];
  const clients = new VsphereClients(vcenterConfigs(env), logger);
  const options = actionOptions(clients);
  const id = Date.now().toString(36);
  const namespace = `bench-ns-${id}`;
  const pool = {
    namespace: 'demo',
    cluster: 'demo-cluster',
    name: `bench-${id}`,
  };
  try {
    const ns = await run(createVsphereNamespaceCreateAction(options), {
      name: namespace,
    });
    const np = await run(createVsphereNodePoolCreateAction(options), {
      ...pool,
      replicas: 1,
    });
    for (const [step, r] of [
      ['namespace RUNNING', ns],
      ['node pool ready', np],
    ] as const) {
      const { outputs, ...timing } = r;
      process.stdout.write(
        `${JSON.stringify({
          bench: 'provision',
          step,
          pollIntervalMs: POLL_MS,
          ...timing,
          outputs: {
            configStatus: outputs.configStatus,
            readyReplicas: outputs.readyReplicas,
          },
          peakRssMiB: peakRssMiB(),
        })}\n`,
      );
    }
  } finally {
    // leave the testenv as it was: the pool first (it lives in demo), then the namespace
    await run(createVsphereNodePoolDeleteAction(options), pool).catch(e =>
      console.error(`cleanup of node pool ${pool.name}: ${e}`),
    );
    await clients
      .vcenter()
      .deleteNamespace(namespace)
      .catch((e: Error) => console.error(`cleanup of ${namespace}: ${e}`));
    await clients.close();
  }
}

main()
  .then(() => process.exit(0))
  .catch(e => {
    console.error(e);
    process.exit(1);
  });
