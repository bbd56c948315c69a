/*
 * Benchmarks of the live inventory against a real backend (bench/backend.ts, a child process) on
 * the testenv copy seeded by `bench/entity.ts seed`:
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/live.ts freshness
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/live.ts idle
 *
 * freshness: BENCH_CHANGES kubectl scales (Cluster topology replicas of bench-c00/np-a, 1 <-> 2)
 *   and as many govc power changes of one joined VM of the entity; for each, the time from just
 *   before the command starts until (a) the overview route, polled every 50 ms, shows it, (b) a
 *   signals subscriber (WebSocket on /api/signals) hears of the namespace, (c) the overview read
 *   that subscriber makes on the notice shows it (what an open page shows).
 * idle: no upstream change; 0, 100 and 1,000 signals subscribers for BENCH_IDLE_SECONDS each:
 *   upstream requests per minute and the backend's CPU; then the Kubernetes plugin with as many
 *   pages polling its POST /services/:entity every 10 s.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { vsphereNamespaceChannel } from '@backstage-vsphere/plugin-vsphere-common';
import { VCenterClient } from '@backstage-vsphere/plugin-vsphere-node';
import {
  NAME_SPECS,
  VM_SPEC,
} from '../plugins/vsphere-node/src/vcenter/inventory';
import { textOf } from '../plugins/vsphere-node/src/vcenter/soapXml';
import {
  loadTestenv,
  now,
  logger,
  percentile,
  recordedSince,
  recorderMark,
  TestenvInfo,
  vcenterConfigs,
} from './common';
import {
  BASE,
  rssMiB,
  sentTo,
  startBackend,
  stopBackend,
  viewRequest,
  writeBackendConfig,
} from './http';

const run = promisify(execFile);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 20);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
const PAGE_COUNTS = (process.env.BENCH_IDLE_PAGES ?? '0,100,1000')
  .split(',')
  .map(Number);
const CHANGE_TIMEOUT_MS = 30_000;
/** Changes of a kind in a row that never showed before that kind is given up (the run must end). */
const GIVE_UP_AFTER = 3;
/** Wall time one kind of change may take in all (the simulator's vCenter side is slow at scale). */
const KIND_BUDGET_MS = Number(process.env.BENCH_CHANGES_BUDGET_S ?? 240) * 1000;
const CLUSTER = 'bench-c00';
const POLL_MS = 50;
const K8S_TAB_POLL_MS = 10_000;
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function stateBin(env: TestenvInfo, name: string): string {
  // the testenv state folder holds bin/ next to the CA files' folder
  return `${env.vcenter.caFile.split('/').slice(0, -2).join('/')}/bin/${name}`;
}

async function kubectl(env: TestenvInfo, ...args: string[]) {
  const bin = stateBin(env, 'kubectl');
  await run(fs.existsSync(bin) ? bin : 'kubectl', [
    '--kubeconfig',
    env.supervisor.adminKubeconfig,
    ...args,
  ]);
}

async function govc(env: TestenvInfo, ...args: string[]) {
  await run(stateBin(env, 'govc'), args, {
    env: {
      ...process.env,
      GOVC_URL: env.vcenter.sdkUrl,
      GOVC_USERNAME: env.vcenter.username,
      GOVC_PASSWORD: env.vcenter.password,
      GOVC_TLS_CA_CERTS: env.vcenter.caFile,
      GOVC_PERSIST_SESSION: 'false',
    },
  });
}

async function overview(env: TestenvInfo): Promise<any> {
  const req = viewRequest('vsphere', env);
  const res = await fetch(req.url, req);
  if (!res.ok) throw new Error(`overview answered ${res.status}`);
  return res.json();
}

/** A user token from guest sign-in, as the portal's pages have (signals takes user tokens only). */
async function guestToken(): Promise<string> {
  const res = await fetch(`${BASE}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in answered ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}

/** One open page's signals connection: the token as WebSocket protocol, as the signals client sends it. */
async function subscribe(
  token: string,
  channel: string,
  onMessage: () => void,
): Promise<WebSocket> {
  const ws = new WebSocket(`${BASE.replace('http', 'ws')}/api/signals`, [
    token,
  ]);
  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => resolve();
    ws.onerror = () => reject(new Error('signals WebSocket failed to open'));
  });
  ws.onmessage = () => onMessage();
  ws.send(JSON.stringify({ action: 'subscribe', channel }));
  return ws;
}

function poolOf(body: any) {
  return body.clusters
    ?.find((c: any) => c.name === CLUSTER)
    ?.nodePools?.find((p: any) => p.name === 'np-a');
}

function summary(xs: number[]) {
  const seen = xs.filter(Number.isFinite);
  return {
    n: xs.length,
    seen: seen.length,
    p50: percentile(seen, 50),
    p95: percentile(seen, 95),
    max: seen.length ? Math.max(...seen) : NaN,
  };
}

/** Times one change: until the route shows it, the signal arrives, and the signalled read shows it. */
async function timeChange(
  env: TestenvInfo,
  command: () => Promise<void>,
  visible: (body: any) => boolean,
  signals: { next: () => Promise<void> },
) {
  const t0 = now();
  const heard = signals.next();
  let commandMs = NaN;
  const done = command().then(() => {
    commandMs = now() - t0;
  });
  const route = (async () => {
    while (now() - t0 < CHANGE_TIMEOUT_MS) {
      if (visible(await overview(env))) return now() - t0;
      await sleep(POLL_MS);
    }
    return Infinity;
  })();
  // a page reads the overview again on each notice until it shows the change
  const page = (async () => {
    let signalMs = Infinity;
    while (now() - t0 < CHANGE_TIMEOUT_MS) {
      const got = await Promise.race([
        signals.next().then(() => true),
        sleep(CHANGE_TIMEOUT_MS).then(() => false),
      ]);
      if (!got) break;
      signalMs = Math.min(signalMs, now() - t0);
      if (visible(await overview(env))) return { signalMs, pageMs: now() - t0 };
    }
    return { signalMs, pageMs: Infinity };
  })();
  const firstSignal = heard.then(() => now() - t0);
  const [routeMs, p, signalMs] = await Promise.all([
    route,
    page,
    Promise.race([firstSignal, sleep(CHANGE_TIMEOUT_MS).then(() => Infinity)]),
    done,
  ]);
  return { commandMs, routeMs, signalMs, pageMs: p.pageMs };
}

/** Notices on one channel as promises: next() resolves on the next message after the call. */
function signalQueue() {
  let waiters: (() => void)[] = [];
  return {
    onMessage: () => {
      const w = waiters;
      waiters = [];
      w.forEach(resolve => resolve());
    },
    next: () => new Promise<void>(resolve => waiters.push(resolve)),
  };
}

async function freshness() {
  const env = loadTestenv();
  const configFile = writeBackendConfig(env);
  const { child } = await startBackend('vsphere', configFile);
  try {
    // the first view starts the feeds; wait until both are live
    for (let i = 0; ; i++) {
      const body = await overview(env);
      if (!body.errors?.length && poolOf(body)) break;
      if (i > 600) throw new Error('overview never became live');
      await sleep(500);
    }
    const channel = vsphereNamespaceChannel({
      vcenter: env.vcenter.name,
      supervisor: 'supervisor',
      namespace: 'demo',
    });
    const queue = signalQueue();
    const ws = await subscribe(await guestToken(), channel, queue.onMessage);

    const kinds: Record<string, any[]> = { scale: [], power: [] };
    let replicas = poolOf(await overview(env)).desiredReplicas as number;
    for (let i = 0; i < CHANGES; i++) {
      const want = replicas === 1 ? 2 : 1;
      kinds.scale.push(
        await timeChange(
          env,
          () =>
            kubectl(
              env,
              '-n',
              'demo',
              'patch',
              'cluster.v1beta2.cluster.x-k8s.io',
              CLUSTER,
              '--type=json',
              `-p=[{"op":"replace","path":"/spec/topology/workers/machineDeployments/0/replicas","value":${want}}]`,
            ),
          body => poolOf(body)?.desiredReplicas === want,
          queue,
        ),
      );
      replicas = want;
      await sleep(300);
    }

    // one VM of the entity that runs in vCenter: power it off and on with govc
    // one VM of the entity that runs in vCenter; a node pool machine of its clusters if the
    // reconciler has placed none of the team's VMs yet
    const joined = (body: any): any[] => [
      ...body.vms,
      ...body.clusters.flatMap((c: any) =>
        (c.nodePools ?? []).flatMap((p: any) => p.machines ?? []),
      ),
    ];
    const vm = joined(await overview(env)).find((v: any) => v.vcenterVm);
    if (!vm) {
      process.stderr.write(
        'bench: no VM of the entity is in vCenter: no power changes\n',
      );
      kinds.power = [];
    }
    const moref = vm?.vcenterVm.moref;
    // a second feed of the same specs in this process: when vCenter (the simulator) delivers the
    // change, apart from what the backend adds after it
    const [vcConfig] = vcenterConfigs(env);
    const vc = VCenterClient.create(vcConfig, { logger });
    let delivered: (() => void) | undefined;
    const probe = vc.watchInventory({
      specs: [VM_SPEC, ...NAME_SPECS],
      onChange: changes => {
        if (changes.some(c => c.ref.value === moref)) delivered?.();
      },
    });
    await probe.start();
    const feedMs: number[] = [];
    const powerStarted = now();
    const stateOf = (body: any) =>
      joined(body).find((v: any) => v.name === vm.name)?.vcenterVm?.powerState;
    let state = vm ? stateOf(await overview(env)) : undefined;
    for (let i = 0; vm && i < CHANGES; i++) {
      if (
        kinds.power.length >= GIVE_UP_AFTER &&
        kinds.power
          .slice(-GIVE_UP_AFTER)
          .every(x => !Number.isFinite(x.routeMs))
      ) {
        process.stderr.write(
          `bench: power changes never showed; stopped after ${i}\n`,
        );
        break;
      }
      if (now() - powerStarted > KIND_BUDGET_MS) {
        process.stderr.write(
          `bench: power changes out of time; stopped after ${i}\n`,
        );
        break;
      }
      const before = state;
      // the direction from vCenter itself (the probe feed), not from what the page shows
      const on =
        textOf(
          probe.objects('VirtualMachine').get(moref!)?.props[
            'runtime.powerState'
          ],
        ) === 'poweredOff';
      const t0 = now();
      const seen = new Promise<number>(resolve => {
        delivered = () => resolve(now() - t0);
      });
      const timed = await timeChange(
        env,
        () =>
          govc(
            env,
            'vm.power',
            on ? '-on' : '-off',
            ...(on ? [] : ['-force']),
            `VirtualMachine:${moref}`,
          ),
        body => {
          const s = stateOf(body);
          return s !== undefined && s !== before;
        },
        queue,
      ).catch(error => {
        process.stderr.write(`bench: power change failed: ${error}\n`);
        return undefined;
      });
      if (timed) kinds.power.push(timed);
      feedMs.push(await Promise.race([seen, sleep(5000).then(() => Infinity)]));
      delivered = undefined;
      state = stateOf(await overview(env));
      await sleep(300);
    }
    ws.close();
    await probe.stop();
    await vc.close();
    for (const [kind, xs] of Object.entries(kinds)) {
      process.stdout.write(
        `${JSON.stringify({
          bench: 'freshness',
          change: kind,
          vm: kind === 'power' ? vm?.name : undefined,
          command:
            kind === 'scale'
              ? `kubectl patch cluster ${CLUSTER} (topology np-a replicas 1<->2)`
              : `govc vm.power -off -force, then -on, VirtualMachine:${moref}`,
          commandMs: summary(xs.map(x => x.commandMs)),
          route: summary(xs.map(x => x.routeMs)),
          signal: summary(xs.map(x => x.signalMs)),
          page: summary(xs.map(x => x.pageMs)),
          ...(kind === 'power' ? { vcenterDelivered: summary(feedMs) } : {}),
          vms: env.vcenter.vmCount,
        })}\n`,
      );
    }
  } finally {
    await stopBackend(child);
  }
}

/** utime + stime of a process, in ms (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function idle() {
  const env = loadTestenv();
  const configFile = writeBackendConfig(env);
  const k8sPort = new URL(env.supervisor.url).port;
  const channel = vsphereNamespaceChannel({
    vcenter: env.vcenter.name,
    supervisor: 'supervisor',
    namespace: 'demo',
  });

  const measure = async (
    which: 'vsphere' | 'kubernetes',
    pages: number,
    child: any,
    extra: Record<string, unknown>,
  ) => {
    const mark = recorderMark(env);
    const k8sBefore = await sentTo(child, k8sPort);
    const cpuBefore = cpuMs(child.pid);
    const t0 = now();
    return async () => {
      const seconds = (now() - t0) / 1000;
      const rec = await recordedSince(env, mark);
      const k8s = (await sentTo(child, k8sPort)) - k8sBefore;
      process.stdout.write(
        `${JSON.stringify({
          bench: 'idle',
          backend: which,
          pages,
          seconds,
          vcenterPerMin: (rec.total * 60) / seconds,
          vcenterByOp: rec.byOp,
          k8sPerMin: (k8s * 60) / seconds,
          cpuPercent: (cpuMs(child.pid) - cpuBefore) / 10 / seconds,
          rssMiB: rssMiB(child.pid).rss,
          ...extra,
        })}\n`,
      );
    };
  };

  // ours: N open pages subscribed, nobody changes anything
  {
    const { child } = await startBackend('vsphere', configFile);
    try {
      await overview(env);
      await sleep(5000);
      const token = await guestToken();
      let heard = 0;
      for (const pages of PAGE_COUNTS) {
        const sockets: WebSocket[] = [];
        while (sockets.length < pages) {
          sockets.push(await subscribe(token, channel, () => heard++));
        }
        await sleep(3000);
        const done = await measure('vsphere', pages, child, {});
        await sleep(IDLE_SECONDS * 1000);
        await done();
        sockets.forEach(s => s.close());
      }
      process.stderr.write(`bench: idle signals heard ${heard}\n`);
    } finally {
      await stopBackend(child);
    }
  }

  // the Kubernetes plugin's tab: N pages, each polling every 10 s, spread evenly
  {
    const { child } = await startBackend('kubernetes', configFile);
    try {
      const req = viewRequest('kubernetes', env);
      for (const pages of PAGE_COUNTS) {
        let stop = false;
        const lat: number[] = [];
        let failed = 0;
        const pollers = Array.from({ length: pages }, async (_, i) => {
          await sleep((K8S_TAB_POLL_MS * i) / pages);
          while (!stop) {
            const s = now();
            const res = await fetch(req.url, req).catch(() => undefined);
            await res?.arrayBuffer();
            if (!res?.ok) failed++;
            lat.push(now() - s);
            await sleep(Math.max(0, K8S_TAB_POLL_MS - (now() - s)));
          }
        });
        await sleep(pages ? K8S_TAB_POLL_MS : 0);
        lat.length = 0;
        const done = await measure('kubernetes', pages, child, {});
        await sleep(IDLE_SECONDS * 1000);
        await done();
        process.stdout.write(
          `${JSON.stringify({
            bench: 'idle-polls',
            backend: 'kubernetes',
            pages,
            polls: lat.length,
            failed,
            p50: percentile(lat, 50),
            p95: percentile(lat, 95),
          })}\n`,
        );
        stop = true;
        await Promise.race([Promise.all(pollers), sleep(30_000)]);
      }
    } finally {
      await stopBackend(child);
    }
  }
}

const mode = process.argv[2];
(mode === 'freshness'
  ? freshness()
  : mode === 'idle'
  ? idle()
  : Promise.reject(new Error('usage: live.ts freshness|idle'))
)
  .then(() => process.exit(0))
  .catch(e => {
    console.error(e);
    process.exit(1);
  });
