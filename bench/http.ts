/*
 * Benchmark 3: the entity page over HTTP, our overview route against Backstage's Kubernetes
 * plugin, each in a real backend started as a child process (bench/backend.ts) on the testenv
 * copy seeded by `bench/entity.ts seed`.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/http.ts
 *
 * For each backend and c in 1, 10, 50: a fresh backend process; cold = its first c views at once;
 * warm = autocannon with c connections for BENCH_HTTP_SECONDS right after. Prints one JSON line
 * per phase: p50/p95/max, upstream requests (vCenter from the simulator's recorder, Kubernetes
 * counted inside the backend), and the backend's RSS from /proc/<pid>/status.
 */
import { ChildProcess, fork } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import {
  loadTestenv,
  now,
  percentile,
  recordedSince,
  recorderMark,
  TestenvInfo,
} from './common';

export const ENTITY = 'bench-entity';
const PORT = Number(process.env.BENCH_BACKEND_PORT ?? 24007);
const WARM_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const SOURCE_DEADLINE = process.env.BENCH_SOURCE_DEADLINE ?? '30s';
const TMP = process.env.BENCH_TMP ?? path.join(os.tmpdir(), 'bench');
export const TOKEN = crypto.randomBytes(24).toString('hex');
export const BASE = `http://127.0.0.1:${PORT}`;
const CONCURRENCY = (process.env.BENCH_HTTP_CONCURRENCY ?? '1,10,50')
  .split(',')
  .map(Number);

export type Which = 'vsphere' | 'kubernetes';
type ViewRequest = {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
};

/** The Component both plugins show: our annotations and the Kubernetes plugin's. */
function entity(env: TestenvInfo) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: ENTITY,
      namespace: 'default',
      annotations: {
        'vsphere.vmware.com/supervisor-namespace': 'demo',
        'vsphere.vmware.com/vcenter': env.vcenter.name,
        'vsphere.vmware.com/vm-selector': 'bench=entity',
        'backstage.io/kubernetes-id': ENTITY,
        'backstage.io/kubernetes-namespace': 'demo',
        // one selector for every kind: only "lacks a label nobody sets" matches the VMs (labelled
        // bench=entity) as well as the Clusters and MachineDeployments (which are not)
        'backstage.io/kubernetes-label-selector': '!bench.invalid/none',
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'guests' },
  };
}

export function backendConfig(env: TestenvInfo, entityFile: string) {
  return {
    backend: {
      baseUrl: BASE,
      listen: { host: '127.0.0.1', port: PORT },
      database: { client: 'better-sqlite3', connection: ':memory:' },
      auth: {
        externalAccess: [
          { type: 'static', options: { token: TOKEN, subject: 'bench' } },
        ],
      },
    },
    permission: { enabled: true },
    app: { baseUrl: BASE },
    // guest sign-in gives the signals subscribers of bench/live.ts a user token, as a page has
    auth: {
      environment: 'development',
      providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
    },
    catalog: {
      rules: [{ allow: ['Component', 'Location'] }],
      locations: [{ type: 'file', target: entityFile }],
    },
    vsphere: {
      sourceDeadline: SOURCE_DEADLINE,
      vcenters: [
        {
          name: env.vcenter.name,
          url: env.vcenter.url,
          username: env.vcenter.username,
          password: env.vcenter.password,
          caFile: env.vcenter.caFile,
          requestTimeout: '120s',
          supervisors: [
            {
              name: 'supervisor',
              cluster: env.vcenter.wcpClusterId,
              url: env.supervisor.url,
              caFile: env.supervisor.caFile,
              tokenFile: env.supervisor.tokenFile,
            },
          ],
        },
      ],
    },
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [
            {
              name: 'bench',
              url: env.supervisor.url,
              authProvider: 'serviceAccount',
              serviceAccountToken: fs
                .readFileSync(env.supervisor.tokenFile, 'utf8')
                .trim(),
              caFile: env.supervisor.caFile,
              // no metrics-server on a Supervisor namespace; no pods are fetched anyway
              skipMetricsLookup: true,
            },
          ],
        },
      ],
      // the plugin's own kinds cut to what our overview shows (quota); the service account may
      // not list pods, services etc.
      objectTypes: ['resourcequotas'],
      // the served versions our client picks too
      customResources: [
        {
          group: 'vmoperator.vmware.com',
          apiVersion: 'v1alpha5',
          plural: 'virtualmachines',
        },
        {
          group: 'cluster.x-k8s.io',
          apiVersion: 'v1beta2',
          plural: 'clusters',
        },
        {
          group: 'cluster.x-k8s.io',
          apiVersion: 'v1beta2',
          plural: 'machinedeployments',
        },
      ],
    },
  };
}

/** The catalog lookup both plugins make for each view. */
function catalogRequest(): ViewRequest {
  return {
    url: `${BASE}/api/catalog/entities/by-name/component/default/${ENTITY}`,
    method: 'GET',
    headers: { authorization: `Bearer ${TOKEN}` },
  };
}

/** The request each plugin's entity page makes. */
export function viewRequest(which: Which, env: TestenvInfo): ViewRequest {
  const headers = { authorization: `Bearer ${TOKEN}` };
  if (which === 'vsphere') {
    return {
      url: `${BASE}/api/vsphere/entities/default/component/${ENTITY}/overview`,
      method: 'GET',
      headers,
    };
  }
  // EntityKubernetesContent → useKubernetesObjects → getObjectsByEntity: POST /services/:name
  return {
    url: `${BASE}/api/kubernetes/services/${ENTITY}`,
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ entity: entity(env), auth: {} }),
  };
}

export function rssMiB(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) =>
    Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** The backend's own count of requests it sent to a port. */
export function sentTo(child: ChildProcess, port: string): Promise<number> {
  return new Promise(resolve => {
    // the backend also sends messages of its own on the channel: wait for ours
    const onMessage = (m: any) => {
      if (m?.type !== 'counts') return;
      child.off('message', onMessage);
      resolve(
        Object.entries(m.counts as Record<string, number>)
          .filter(([host]) => host.endsWith(`:${port}`))
          .reduce((n, [, count]) => n + count, 0),
      );
    };
    child.on('message', onMessage);
    child.send({ type: 'counts' });
  });
}

export async function startBackend(which: Which, configFile: string) {
  const log = fs.openSync(path.join(TMP, `backend-${which}.log`), 'a');
  const child = fork(
    path.join(__dirname, 'backend.ts'),
    [which, '--config', configFile],
    {
      execArgv: [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      ],
      env: { ...process.env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', log, log, 'ipc'],
    },
  );
  const t0 = now();
  // ready once the catalog has the entity (both plugins read it from there)
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(
        `backend ${which} exited; see ${TMP}/backend-${which}.log`,
      );
    }
    const res = await fetch(
      `${BASE}/api/catalog/entities/by-name/component/default/${ENTITY}`,
      { headers: { authorization: `Bearer ${TOKEN}` } },
    ).catch(() => undefined);
    if (res?.ok) break;
    if (now() - t0 > 180_000) throw new Error(`backend ${which} not ready`);
    await new Promise(r => setTimeout(r, 500));
  }
  return { child, startMs: now() - t0 };
}

export async function stopBackend(child: ChildProcess) {
  const exited = new Promise(r => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise(r => setTimeout(r, 15_000))]);
  if (child.exitCode === null && child.signalCode === null)
    child.kill('SIGKILL');
}

/** What one view returned, to check both show the same objects. */
export function shape(which: Which, body: any) {
  if (which === 'vsphere') {
    return {
      vms: body.vms?.length,
      vmsJoined: body.vms?.filter((v: any) => v.vcenterVm).length,
      clusters: body.clusters?.length,
      nodePools: body.clusters?.reduce(
        (n: number, c: any) => n + (c.nodePools?.length ?? 0),
        0,
      ),
      errors: (body.errors ?? []).map((e: any) => `${e.source}: ${e.message}`),
    };
  }
  const counts: Record<string, number> = {};
  for (const item of body.items ?? []) {
    for (const r of item.resources ?? []) {
      const kind = r.resources?.[0]?.kind ?? r.type;
      counts[kind] = (counts[kind] ?? 0) + (r.resources?.length ?? 0);
    }
  }
  const errors = (body.items ?? []).flatMap((i: any) =>
    (i.errors ?? []).map((e: any) => JSON.stringify(e)),
  );
  return { ...counts, errors };
}

function summary(lat: number[]) {
  return {
    views: lat.length,
    p50: percentile(lat, 50),
    p95: percentile(lat, 95),
    max: Math.max(...lat),
  };
}

async function measure(
  which: Which,
  c: number,
  env: TestenvInfo,
  configFile: string,
) {
  const k8sPort = new URL(env.supervisor.url).port;
  const { child, startMs } = await startBackend(which, configFile);
  const rssIdleMiB = rssMiB(child.pid!).rss;
  const req = viewRequest(which, env);

  // cold: the fresh process's first c views, all at once
  const mark = recorderMark(env);
  const k8sBefore = await sentTo(child, k8sPort);
  const coldLat: number[] = [];
  const statuses: number[] = [];
  let body: any;
  let bytes = 0;
  await Promise.all(
    Array.from({ length: c }, async () => {
      const t0 = now();
      const res = await fetch(req.url, req);
      const text = await res.text();
      coldLat.push(now() - t0);
      statuses.push(res.status);
      bytes = text.length;
      body = JSON.parse(text);
    }),
  );
  const rec = await recordedSince(env, mark);
  process.stdout.write(
    `${JSON.stringify({
      bench: 'http',
      backend: which,
      concurrency: c,
      phase: 'cold',
      ...summary(coldLat),
      non2xx: statuses.filter(s => s >= 300).length,
      vcenterRequests: rec.total,
      vcenterByOp: rec.byOp,
      k8sRequests: (await sentTo(child, k8sPort)) - k8sBefore,
      bytesPerView: bytes,
      shape: shape(which, body),
      startMs,
      rssIdleMiB,
      // VmHWM: the kernel's high-water mark of the backend process so far
      peakRssMiB: rssMiB(child.pid!).hwm,
    })}\n`,
  );

  // warm: autocannon right after, while the cache (ours) is filled
  await warm(which, req, c, env, child);
  if (which === 'vsphere') {
    // the floor both plugins pay per view: the entity lookup through the catalog, alone
    await warm('catalog', catalogRequest(), c, env, child);
  }
  await stopBackend(child);
}

async function warm(
  label: string,
  req: ViewRequest,
  c: number,
  env: TestenvInfo,
  child: ChildProcess,
) {
  const vcPort = new URL(env.vcenter.url).port;
  const k8sPort = new URL(env.supervisor.url).port;
  const mark = recorderMark(env);
  const k8sBefore = await sentTo(child, k8sPort);
  const vcClientBefore = await sentTo(child, vcPort);
  const warmLat: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { ...req, connections: c, duration: WARM_SECONDS, timeout: 120 },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, ms) => warmLat.push(ms));
  });
  const rec = await recordedSince(env, mark);
  const { hwm } = rssMiB(child.pid!);
  process.stdout.write(
    `${JSON.stringify({
      bench: 'http',
      backend: label,
      concurrency: c,
      phase: 'warm',
      seconds: WARM_SECONDS,
      ...summary(warmLat),
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      vcenterRequests: rec.total,
      vcenterSentClientSide: (await sentTo(child, vcPort)) - vcClientBefore,
      k8sRequests: (await sentTo(child, k8sPort)) - k8sBefore,
      peakRssMiB: hwm,
    })}\n`,
  );
}

/** Writes the entity and the backends' config file, returning the config file's path. */
export function writeBackendConfig(env: TestenvInfo): string {
  fs.mkdirSync(TMP, { recursive: true });
  const entityFile = path.join(TMP, 'bench-entity.yaml');
  fs.writeFileSync(entityFile, JSON.stringify(entity(env)));
  const configFile = path.join(TMP, 'bench-backend.json');
  fs.writeFileSync(configFile, JSON.stringify(backendConfig(env, entityFile)));
  return configFile;
}

async function main() {
  const env = loadTestenv();
  const configFile = writeBackendConfig(env);
  const only = process.argv[2] as Which | undefined;
  for (const which of only ? [only] : (['vsphere', 'kubernetes'] as const)) {
    for (const c of CONCURRENCY) {
      await measure(which, c, env, configFile);
    }
  }
}

if (require.main === module) {
  main()
    .then(() => process.exit(0))
    .catch(e => {
      console.error(e);
      process.exit(1);
    });
}
