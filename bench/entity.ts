/*
 * Benchmark 2: the entity page's data, SnapshotVsphereInventory.getEntityOverview() (what the
 * route GET /api/vsphere/entities/:ns/:kind/:name/overview returns, without HTTP, auth and
 * permission checks), against the testenv copy.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/entity.ts seed
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/entity.ts measure
 *
 * seed:    500 VM Service VMs (label bench=entity) and 10 Cluster API clusters x 3 node pools
 *          in Supervisor namespace `demo` (idempotent: server-side apply); waits for the
 *          reconciler to give every VM a vCenter id (status.uniqueID), up to BENCH_SEED_WAIT_MS.
 * measure: for 1, 10 and 50 concurrent callers: cold (fresh clients and a fresh snapshot, all
 *          callers arrive at once: the feeds' first sync), then warm (callers loop until
 *          WARM_VIEWS views are served from the snapshot).
 *          Prints one JSON line per phase with p50/p95, upstream requests (simulator recorder
 *          for vCenter, client-side count for the Kubernetes API) and peak RSS.
 */
import {
  installRequestCounter,
  loadTestenv,
  logger,
  now,
  peakRssMiB,
  percentile,
  recordedSince,
  recorderMark,
  sentRequests,
  sentTo,
  vcenterConfigs,
} from './common';

installRequestCounter();

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { VsphereClients } = require('@backstage-vsphere/plugin-vsphere-node');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const {
  SnapshotVsphereInventory,
} = require('../plugins/vsphere-backend/src/inventory/SnapshotVsphereInventory');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const {
  CachedPickerOptions,
} = require('../plugins/vsphere-backend/src/inventory/CachedPickerOptions');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const {
  SourceFailureLog,
} = require('../plugins/vsphere-backend/src/inventory/SourceFailureLog');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { InventorySnapshot } = require('@backstage-vsphere/plugin-vsphere-node');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CacheManager } = require('@backstage/backend-defaults/cache');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ConfigReader } = require('@backstage/config');

/** An empty in-memory cache service, as the local default backend has. */
function memoryCache() {
  return CacheManager.fromConfig(
    new ConfigReader({ backend: { cache: { store: 'memory' } } }),
  ).forPlugin('vsphere');
}

const NAMESPACE = 'demo';
const VMS = Number(process.env.BENCH_ENTITY_VMS ?? 500);
const CLUSTERS = Number(process.env.BENCH_ENTITY_CLUSTERS ?? 10);
const WARM_VIEWS = Number(process.env.BENCH_WARM_VIEWS ?? 200);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 3);
const SELECTOR = 'bench=entity';

async function pool<T>(items: T[], width: number, fn: (t: T) => Promise<void>) {
  let i = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (i < items.length) {
        await fn(items[i++]);
      }
    }),
  );
}

async function seed() {
  const env = loadTestenv();
  const clients = new VsphereClients(vcenterConfigs(env), logger);
  const sv = clients.supervisor();
  const t0 = now();
  const names = Array.from(
    { length: VMS },
    (_, i) => `bench-vm-${String(i).padStart(3, '0')}`,
  );
  await pool(names, 16, async name => {
    await sv.applyVirtualMachine({
      name,
      namespace: NAMESPACE,
      className: 'best-effort-small',
      imageName: 'ubuntu-2204-kube-v1.33',
      powerState: 'PoweredOn',
      labels: { bench: 'entity' },
    });
  });
  const clusters = Array.from(
    { length: CLUSTERS },
    (_, i) => `bench-c${String(i).padStart(2, '0')}`,
  );
  await pool(clusters, 4, async name => {
    await sv.applyCluster({
      name,
      namespace: NAMESPACE,
      clusterClass: 'tanzukubernetescluster',
      version: 'v1.33.3+vmware.1-fips',
      vmClass: 'best-effort-small',
      storageClass: 'vsan-default-storage-policy',
      nodePools: ['np-a', 'np-b', 'np-c'].map(p => ({
        name: p,
        class: 'node-pool',
        replicas: 1,
      })),
      clusterNetwork: {
        pods: { cidrBlocks: ['192.168.156.0/20'] },
        services: { cidrBlocks: ['10.96.0.0/12'] },
        serviceDomain: 'cluster.local',
      },
    });
  });
  // wait (bounded) until the reconciler has placed the VMs and the node pools are ready
  const deadline =
    Date.now() + Number(process.env.BENCH_SEED_WAIT_MS ?? 240_000);
  let placed = 0;
  let readyPools = 0;
  let placedAfterMs = NaN;
  for (;;) {
    const vms = await sv.listVirtualMachines(NAMESPACE, {
      labelSelector: SELECTOR,
    });
    placed = vms.filter((v: any) => v.uniqueID).length;
    if (placed >= VMS && Number.isNaN(placedAfterMs))
      placedAfterMs = now() - t0;
    const cls = await sv.listWorkloadClusters(NAMESPACE);
    readyPools = cls
      .filter((c: any) => c.name.startsWith('bench-c'))
      .flatMap((c: any) => c.nodePools ?? [])
      .filter((p: any) => p.readyReplicas >= 1).length;
    if (
      (placed >= VMS && readyPools >= CLUSTERS * 3) ||
      Date.now() > deadline
    ) {
      break;
    }
    await new Promise(r => setTimeout(r, 3000));
  }
  await clients.close();
  process.stdout.write(
    `${JSON.stringify({
      phase: 'seed',
      vms: VMS,
      placed,
      allPlacedSeconds: placedAfterMs / 1000,
      clusters: CLUSTERS,
      readyPools,
      seconds: (now() - t0) / 1000,
    })}\n`,
  );
}

function target() {
  return {
    entityRef: 'component:default/bench-entity',
    vcenter: 'testenv',
    namespace: NAMESPACE,
    vmSelector: SELECTOR,
  };
}

function summary(lat: number[]) {
  return {
    views: lat.length,
    p50: percentile(lat, 50),
    p95: percentile(lat, 95),
    max: Math.max(...lat),
  };
}

async function measure() {
  const env = loadTestenv();
  const vcPort = new URL(env.vcenter.url).port;
  const svPort = new URL(env.supervisor.url).port;
  const ttlMs = Number(process.env.BENCH_CACHE_TTL_MS ?? 15_000);
  const sourceDeadlineMs = Number(
    process.env.BENCH_SOURCE_DEADLINE_MS ?? 4_000,
  );
  let shape: any;
  for (const c of [1, 10, 50]) {
    // cold: a fresh backend's first views, all callers at once
    const coldLat: number[] = [];
    let coldVc = 0;
    let coldK8s = 0;
    let coldErrors = 0;
    let clients: any;
    let snapshot: any;
    let inventory: any;
    for (let run = 0; run < COLD_RUNS; run++) {
      if (snapshot) await snapshot.stop();
      if (clients) await clients.close();
      clients = new VsphereClients(vcenterConfigs(env), logger);
      // what the backend builds: the watch-fed snapshot, pickers through the short cache
      snapshot = new InventorySnapshot(clients, {
        logger,
        firstReadDeadlineMs: sourceDeadlineMs,
      });
      inventory = new SnapshotVsphereInventory(
        clients,
        snapshot,
        new CachedPickerOptions(clients, memoryCache(), { ttlMs }),
        new SourceFailureLog(logger),
      );
      const mark = recorderMark(env);
      const before = new Map(sentRequests);
      await Promise.all(
        Array.from({ length: c }, async () => {
          const t0 = now();
          const o = await inventory.getEntityOverview(target());
          coldLat.push(now() - t0);
          coldErrors += o.errors.length ? 1 : 0;
          shape = {
            vms: o.vms.length,
            clusters: o.clusters.length,
            nodePools: o.clusters.reduce(
              (n: number, cl: any) => n + (cl.nodePools?.length ?? 0),
              0,
            ),
            vmsJoined: o.vms.filter((v: any) => v.vcenterVm).length,
            errors: o.errors.map((e: any) => `${e.source}: ${e.message}`),
          };
        }),
      );
      const rec = await recordedSince(env, mark);
      coldVc += rec.total;
      coldK8s += sentTo(svPort, before);
    }
    process.stdout.write(
      `${JSON.stringify({
        phase: 'cold',
        concurrency: c,
        ttlMs,
        sourceDeadlineMs,
        ...summary(coldLat),
        viewsWithErrors: coldErrors,
        vcenterRequestsPerBurst: coldVc / COLD_RUNS,
        k8sRequestsPerBurst: coldK8s / COLD_RUNS,
        shape,
        peakRssMiB: peakRssMiB(),
      })}\n`,
    );

    // warm: the same inventory, cache filled by the cold burst
    const mark = recorderMark(env);
    const before = new Map(sentRequests);
    const warmLat: number[] = [];
    let warmErrors = 0;
    let started = 0;
    const t0 = now();
    await Promise.all(
      Array.from({ length: c }, async () => {
        while (started < WARM_VIEWS) {
          started++;
          const s = now();
          const o = await inventory.getEntityOverview(target());
          warmLat.push(now() - s);
          warmErrors += o.errors.length ? 1 : 0;
        }
      }),
    );
    const wallMs = now() - t0;
    const rec = await recordedSince(env, mark);
    process.stdout.write(
      `${JSON.stringify({
        phase: 'warm',
        concurrency: c,
        ttlMs,
        sourceDeadlineMs,
        viewsWithErrors: warmErrors,
        ...summary(warmLat),
        wallMs,
        vcenterRequests: rec.total,
        vcenterSentClientSide: sentTo(vcPort, before),
        k8sRequests: sentTo(svPort, before),
        peakRssMiB: peakRssMiB(),
      })}\n`,
    );
    await snapshot.stop();
    await clients.close();
  }
}

const mode = process.argv[2];
(mode === 'seed'
  ? seed()
  : mode === 'measure'
  ? measure()
  : Promise.reject(new Error('usage: entity.ts seed|measure'))
)
  .then(() => process.exit(0))
  .catch(e => {
    console.error(e);
    process.exit(1);
  });
