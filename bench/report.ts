/*
 * Turns the JSON lines of one bench/run.sh run into a markdown report: prints it and writes
 * bench/results/<date>.md.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/report.ts <results.jsonl> <meta.json>
 */
import fs from 'node:fs';
import path from 'node:path';
import { median } from './common';

const [resultsFile, metaFile] = process.argv.slice(2);
const lines = fs
  .readFileSync(resultsFile, 'utf8')
  .split('\n')
  .filter(l => l.startsWith('{'))
  .map(l => JSON.parse(l));
const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : 'n/a');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
const ops = (byOp: Record<string, number>) =>
  Object.entries(byOp)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

const out: string[] = [];
out.push(`# Benchmark results ${meta.date}`, '');
out.push('## Machine and versions', '');
out.push(`- CPUs (nproc): ${meta.nproc}; memory: ${meta.memory}`);
out.push(
  `- Node ${meta.node}; ${meta.go}; govmomi (simulator) ${meta.govmomiSim}; govc built from govmomi ${meta.govmomiGovc}`,
);
out.push(`- git: ${meta.git}`);
out.push(
  `- testenv copy: ${meta.root} (TESTENV_VMS=${meta.vms}, vcsim :${meta.vcsimPort}, kube-apiserver :${meta.apiPort})`,
);
out.push(`- command: \`${meta.command}\``);
out.push(
  '- the machine is shared and noisy: compare the ratios within this run, not absolute times across runs',
  '',
);

// ---- 1. inventory
const client = lines.filter(l => l.mode === 'client');
const govc = lines.filter(l => l.mode === 'govc');
const naive = lines.filter(l => l.mode === 'naive');
const watchSync = lines.filter(l => l.mode === 'watch');
/** Each issue-14 target with its number, listed once more at the end. */
const targets: string[] = [];
const verdict = (ok: boolean) => (ok ? 'met' : 'missed');
out.push(
  '## 1. Inventory: every VM with name, power, CPU, memory, guest OS, IP, host, datastores',
  '',
);
if (client.length && govc.length) {
  const cMs = median(client.map(l => l.ms));
  const gMs = median(govc.map(l => l.ms));
  const vmCount = client[client.length - 1].vms;
  const rows: string[] = [];
  rows.push(
    '| approach | VMs | wall time (median of runs) | vs govc | upstream requests | vs govc | peak RSS |',
  );
  rows.push('|---|---:|---:|---:|---:|---:|---:|');
  const cReq = client[client.length - 1].requests;
  const gReq = govc[govc.length - 1].requests;
  rows.push(
    `| our \`VCenterClient.listVms()\`, page size ${client[0].pageSize} (${
      client.length
    } runs) | ${vmCount} | ${f0(cMs)} ms | ${f2(cMs / gMs)}x | ${cReq} | ${f2(
      cReq / gReq,
    )}x | ${f0(
      Math.max(...client.map(l => l.peakRssMiB)),
    )} MiB (node process) |`,
  );
  rows.push(
    `| \`govc object.collect -json -type m / ...\` (${govc.length} runs) | ${
      govc[0].vms
    } | ${f0(gMs)} ms | 1.00x | ${gReq} | 1.00x | ${f0(
      Math.max(...govc.map(l => l.peakRssMiB ?? NaN)),
    )} MiB |`,
  );
  if (watchSync.length) {
    const wMs = median(watchSync.map(l => l.ms));
    const wReq = watchSync[watchSync.length - 1].requests;
    const wRss = Math.max(...watchSync.map(l => l.peakRssMiB));
    const gRss = Math.max(...govc.map(l => l.peakRssMiB ?? NaN));
    rows.push(
      `| live feed's first full sync: \`VCenterClient.watchInventory(...).start()\` (WaitForUpdatesEx from version '', ${
        watchSync.length
      } runs) | ${watchSync[watchSync.length - 1].vms} | ${f0(wMs)} ms | ${f2(
        wMs / gMs,
      )}x | ${wReq} | ${f2(wReq / gReq)}x | ${f0(wRss)} MiB (node process) |`,
    );
    const cRss = Math.max(...client.map(l => l.peakRssMiB));
    targets.push(
      `Cold inventory of ${vmCount} VMs, time <= 1.0x govc: listVms ${f2(
        cMs / gMs,
      )}x (${verdict(cMs <= gMs)}), live feed's first sync ${f2(
        wMs / gMs,
      )}x (${verdict(wMs <= gMs)}).`,
      `Cold inventory RSS <= 3x govc (${f0(gRss)} MiB): listVms ${f0(
        cRss,
      )} MiB = ${f1(cRss / gRss)}x (${verdict(
        cRss <= 3 * gRss,
      )}), live feed ${f0(wRss)} MiB = ${f1(wRss / gRss)}x (${verdict(
        wRss <= 3 * gRss,
      )}); both are whole node processes with the TypeScript transform loaded.`,
    );
    const before = (ls: typeof client) =>
      Math.max(...ls.map(l => l.rssBeforeReadMiB ?? NaN));
    if (Number.isFinite(before(watchSync))) {
      targets.push(
        `Of that RSS, the process had ${f0(
          before(client),
        )} MiB (listVms) and ${f0(
          before(watchSync),
        )} MiB (live feed) before its first vCenter request (node, the transform and the loaded modules); the read itself added ${f0(
          cRss - before(client),
        )} and ${f0(
          wRss - before(watchSync),
        )} MiB, govc's whole process is ${f0(gRss)} MiB.`,
      );
    }
  }
  if (naive.length) {
    const n = naive[naive.length - 1];
    const nMs = median(naive.map(l => l.ms));
    const perVm = nMs / n.sample;
    const extrapMs = perVm * vmCount;
    const extrapReq = (n.requests / n.sample) * vmCount;
    rows.push(
      `| naive: one RetrievePropertiesEx per VM, measured on ${n.sample} VMs (${
        naive.length
      } runs), extrapolated to ${vmCount} | ${vmCount} (est.) | ~${f0(
        extrapMs,
      )} ms (est.; ${f0(nMs)} ms for ${n.sample}) | ~${f1(
        extrapMs / gMs,
      )}x | ~${f0(extrapReq)} (est.; ${n.requests} for ${n.sample}) | ~${f0(
        extrapReq / gReq,
      )}x | ${f0(n.peakRssMiB)} MiB (node process) |`,
    );
  }
  out.push(...rows, '');
  out.push(
    `Requests by operation, our client: ${ops(
      client[client.length - 1].byOp,
    )}.`,
  );
  out.push(`Requests by operation, govc: ${ops(govc[govc.length - 1].byOp)}.`);
  if (watchSync.length)
    out.push(
      `Requests by operation, live feed's first sync: ${ops(
        watchSync[watchSync.length - 1].byOp,
      )}.`,
    );
  if (naive.length)
    out.push(
      `Requests by operation, naive sample: ${ops(
        naive[naive.length - 1].byOp,
      )}.`,
    );
  out.push(
    '',
    `Target "requests = ceil(N / page size) + a small constant": ceil(${vmCount}/${
      client[0].pageSize
    }) = ${Math.ceil(
      vmCount / client[0].pageSize,
    )} pages of VMs; measured ${cReq} requests in all (the rest: service content, login/logout, one view + one page for host and datastore names, view clean-up).`,
    'Our client also joins host and datastore names into each VM; the govc command returns their morefs only.',
    '',
  );
}

// ---- 2. entity page
const seed = lines.find(l => l.phase === 'seed');
// bench/entity.ts lines carry no `bench` field (bench/http.ts lines have phases too)
const entity = lines.filter(
  l => !l.bench && (l.phase === 'cold' || l.phase === 'warm'),
);
if (entity.length) {
  out.push(
    "## 2. Entity page: `SnapshotVsphereInventory.getEntityOverview()` (the overview route's data from the watch-fed snapshot, no HTTP layer)",
    '',
    "**cold** = a fresh `InventorySnapshot` (fresh clients): the views wait for the feeds' first sync (Supervisor informers, vCenter WaitForUpdatesEx full sync) up to the first-read deadline; **warm** = the same snapshot right after. `peak RSS` is the measuring node process, the snapshot of the whole vCenter inventory included.",
    '',
  );
  if (seed) {
    out.push(
      `Seeded in Supervisor namespace \`demo\`: ${
        seed.vms
      } VM Service VMs (selector \`bench=entity\`; ${seed.placed} of ${
        seed.vms
      } placed in vCenter by the testenv reconciler (\`status.uniqueID\` set) before measuring${
        Number.isFinite(seed.allPlacedSeconds)
          ? `, all of them ${f0(seed.allPlacedSeconds)} s after the seed began`
          : ', the seed wait ran out first'
      }) and ${seed.clusters} Cluster API clusters x 3 node pools (${
        seed.readyPools
      } pools ready); plus the testenv's own demo cluster. vCenter holds ~${
        meta.vms
      } VMs.`,
      '',
    );
  }
  for (const deadline of [...new Set(entity.map(l => l.sourceDeadlineMs))]) {
    out.push(
      `### first-read deadline ${deadline} ms (pickers' cache TTL ${
        entity.find(l => l.sourceDeadlineMs === deadline).ttlMs
      } ms, not on this path)`,
      '',
    );
    out.push(
      '| phase | callers | views | p50 | p95 | max | views with a source error | vCenter requests | Kubernetes requests | peak RSS |',
    );
    out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const l of entity.filter(e => e.sourceDeadlineMs === deadline)) {
      const vc =
        l.phase === 'cold'
          ? `${f1(l.vcenterRequestsPerBurst)} per burst`
          : `${l.vcenterRequests} in ${l.views} views (${f2(
              l.vcenterRequests / l.views,
            )}/view)`;
      const k8s =
        l.phase === 'cold'
          ? `${f1(l.k8sRequestsPerBurst)} per burst`
          : `${l.k8sRequests} (${f2(l.k8sRequests / l.views)}/view)`;
      out.push(
        `| ${l.phase} | ${l.concurrency} | ${l.views} | ${f0(l.p50)} ms | ${f0(
          l.p95,
        )} ms | ${f0(l.max)} ms | ${
          l.viewsWithErrors ?? l.viewsWithErrorsWarm ?? 0
        } | ${vc} | ${k8s} | ${f0(l.peakRssMiB)} MiB |`,
      );
    }
    const errs = entity
      .filter(e => e.sourceDeadlineMs === deadline && e.shape?.errors?.length)
      .map(e => e.shape.errors[0]);
    if (errs.length)
      out.push('', `Source errors seen: ${[...new Set(errs)].join('; ')}.`);
    const shape = entity.find(
      e => e.sourceDeadlineMs === deadline && e.shape,
    )?.shape;
    if (shape)
      out.push(
        '',
        `Overview shape: ${shape.vms} VMs (${shape.vmsJoined} joined to a vCenter VM), ${shape.clusters} clusters, ${shape.nodePools} node pools.`,
      );
    if (
      shape &&
      seed &&
      deadline === entity[entity.length - 1].sourceDeadlineMs
    )
      targets.push(
        `Seeded VMs all placed before measuring: ${seed.placed} of ${
          seed.vms
        } placed, ${shape.vmsJoined} of ${
          shape.vms
        } joined in the overview (${verdict(
          seed.placed >= seed.vms && shape.vmsJoined >= seed.vms,
        )}).`,
      );
    out.push('');
  }
}

// ---- 3. entity page over HTTP: our route against Backstage's Kubernetes plugin
const http = lines.filter(l => l.bench === 'http');
const NAMES: Record<string, string> = {
  vsphere:
    'ours: `GET /api/vsphere/entities/default/component/bench-entity/overview`',
  kubernetes:
    "Kubernetes plugin: `POST /api/kubernetes/services/bench-entity` (what its entity page's `useKubernetesObjects` calls)",
  catalog:
    'reference, in the vsphere backend: `GET /api/catalog/entities/by-name/component/default/bench-entity` alone, the lookup (with its permission check) both plugins make per view',
};
if (http.length) {
  out.push(
    '## 3. Entity page over HTTP: our overview route vs `@backstage/plugin-kubernetes-backend`',
    '',
    `Each backend is a real Backstage backend (\`bench/backend.ts\`: \`createBackend()\` with the catalog, the permission backend with the allow-all policy and \`permission.enabled: true\`, and one of the two plugins) in a child process on the same testenv copy and seed as section 2; requests carry a static external-access token (\`backend.auth.externalAccess\`, type \`static\`). A fresh process per backend and concurrency: **cold** = its first _c_ views at once; **warm** = autocannon with _c_ connections for ${
      http.find(l => l.phase === 'warm')?.seconds
    } s right after. vCenter requests from the simulator's recorder, Kubernetes requests counted inside the backend; RSS from \`/proc/<pid>/status\` of the backend process.`,
    '',
  );
  out.push(
    '| backend | phase | c | views | p50 | p95 | max | non-2xx | vCenter requests | Kubernetes requests | bytes/view | peak RSS |',
  );
  out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const per = (n: number, views: number) => `${n} (${f2(n / views)}/view)`;
  for (const l of http) {
    out.push(
      `| ${l.backend} | ${l.phase} | ${l.concurrency} | ${l.views} | ${f0(
        l.p50,
      )} ms | ${f0(l.p95)} ms | ${f0(l.max)} ms | ${l.non2xx} | ${
        l.phase === 'cold'
          ? `${l.vcenterRequests} per burst`
          : per(l.vcenterRequests, l.views)
      } | ${
        l.phase === 'cold'
          ? `${l.k8sRequests} per burst`
          : per(l.k8sRequests, l.views)
      } | ${l.bytesPerView ?? ''} | ${f0(l.peakRssMiB)} MiB |`,
    );
  }
  out.push(
    '',
    Object.entries(NAMES)
      .map(([k, v]) => `- ${k}: ${v}`)
      .join('\n'),
    '',
  );
  const find = (b: string, phase: string, c: number) =>
    http.find(l => l.backend === b && l.phase === phase && l.concurrency === c);
  out.push(
    '| c | warm p50 ours / Kubernetes plugin | warm p95 ours / Kubernetes plugin | warm views/s ours / Kubernetes plugin | Kubernetes requests per warm view ours / Kubernetes plugin | catalog lookup alone p50 / p95 |',
    '|---:|---:|---:|---:|---:|---:|',
  );
  for (const c of [...new Set(http.map(l => l.concurrency))]) {
    const o = find('vsphere', 'warm', c);
    const k = find('kubernetes', 'warm', c);
    const cat = find('catalog', 'warm', c);
    if (!o || !k) continue;
    out.push(
      `| ${c} | ${f1(o.p50)} / ${f1(k.p50)} ms (${f2(o.p50 / k.p50)}x) | ${f1(
        o.p95,
      )} / ${f1(k.p95)} ms (${f2(o.p95 / k.p95)}x) | ${f0(
        o.views / o.seconds,
      )} / ${f0(k.views / k.seconds)} | ${f2(o.k8sRequests / o.views)} / ${f2(
        k.k8sRequests / k.views,
      )} | ${cat ? `${f1(cat.p50)} / ${f1(cat.p95)} ms` : 'n/a'} |`,
    );
  }
  for (const b of ['vsphere', 'kubernetes']) {
    const cold = http.find(l => l.backend === b && l.phase === 'cold');
    if (cold)
      out.push(
        '',
        `Shape of one ${b} view: ${JSON.stringify(
          cold.shape,
        )}; backend start to catalog-ready ${f1(
          cold.startMs / 1000,
        )} s, RSS when ready ${f0(cold.rssIdleMiB)} MiB.`,
      );
  }
  const cold = (b: string) =>
    http.filter(l => l.backend === b && l.phase === 'cold');
  const w50 = find('vsphere', 'warm', 50);
  // a warm run in which no view completed has no p95: a miss, not a pass
  const w50Met = Boolean(w50?.views) && w50!.p95 < 50;
  out.push('', '### Targets (ours)', '');
  if (w50)
    out.push(
      `- warm p95 under 50 ms at 50 concurrent viewers: **${f1(
        w50.p95,
      )} ms**, ${
        w50Met
          ? 'met'
          : w50.views
          ? `missed by ${f1(w50.p95 - 50)} ms`
          : `missed: no view completed in the ${w50.seconds} s window`
      } (p50 ${f1(w50.p50)} ms, max ${f0(w50.max)} ms, ${f0(
        w50.views / w50.seconds,
      )} views/s). ${
        w50Met || !w50.views
          ? ''
          : `Why: at 50 connections the latency is the queue in front of a CPU-bound process (50 / ${f0(
              w50.views / w50.seconds,
            )} views/s = ${f0(
              (50 * 1000 * w50.seconds) / w50.views,
            )} ms per view in the queue); each view costs the catalog lookup (an HTTP call with a service token and its own permission check; alone p95 ${f1(
              find('catalog', 'warm', 50)?.p95 ?? NaN,
            )} ms at 50), our permission call for three permissions, and serialising ${
              cold('vsphere')[0]?.bytesPerView ?? '?'
            } bytes of JSON, on 2 shared cores that also run autocannon and the simulators. In-process, without HTTP, the same snapshot answers in section 2's warm rows.`
      }`,
      `- zero upstream requests per warm view: ${http
        .filter(l => l.backend === 'vsphere' && l.phase === 'warm')
        .map(
          l =>
            `c=${l.concurrency}: ${l.vcenterRequests} vCenter + ${l.k8sRequests} Kubernetes in ${l.views} views`,
        )
        .join(
          '; ',
        )} (a non-zero count is the snapshot's own feeds during the run, long-polls and watch restarts, not per view).`,
    );
  if (w50)
    targets.push(
      `Warm overview p95 < 50 ms at 50 clients: ${f1(w50.p95)} ms (${verdict(
        w50Met,
      )}${
        w50.views ? '' : ', no view completed in the window'
      }); the Kubernetes plugin at 50: ${f1(
        find('kubernetes', 'warm', 50)?.p95 ?? NaN,
      )} ms; body ${
        cold('vsphere')[0]?.bytesPerView ?? '?'
      } bytes per view (ours), ${
        cold('kubernetes')[0]?.bytesPerView ?? '?'
      } (Kubernetes plugin).`,
    );
  out.push(
    `- cold, at most one request per source: one fetch per source per burst whatever the number of viewers (coalesced): ${cold(
      'vsphere',
    )
      .map(
        l =>
          `c=${l.concurrency}: ${l.vcenterRequests} vCenter + ${l.k8sRequests} Kubernetes requests`,
      )
      .join(
        '; ',
      )}. A cold view is the feeds' first sync: a REST and a SOAP session, the namespace, PBM and content-library REST reads, the vCenter feed's full sync of every VM, host and datastore (WaitForUpdatesEx pages), and one list + watch per Supervisor kind.`,
    '',
  );
}

// ---- 4. provisioning
const prov = lines.filter(l => l.bench === 'provision');
if (prov.length) {
  out.push(
    '## 4. Provisioning: our scaffolder actions from start to ready',
    '',
    "`bench/provision.ts` runs the actions' handlers with a scaffolder-like context (allow-all permissions) on the testenv copy: `vsphere:namespace:create` of a new namespace until vCenter reports RUNNING, then `vsphere:nodepool:create` of a 1-node pool on `demo/demo-cluster` until it is ready; both are deleted again afterwards. **Waiting** = union of the time inside HTTP requests to vCenter/kube-apiserver and the poll sleeps between readiness checks; **overhead** = wall time − waiting. Medians over the runs; the reconciler of the copy runs (it is what makes things ready).",
    '',
    '| step | poll interval | runs | wall time | waiting: in requests | waiting: poll sleeps | our overhead | overhead share | CPU time | upstream requests | polls |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const step of [...new Set(prov.map(l => l.step))]) {
    for (const poll of [...new Set(prov.map(l => l.pollIntervalMs))]) {
      const rs = prov.filter(l => l.step === step && l.pollIntervalMs === poll);
      if (!rs.length) continue;
      const m = (k: string) => median(rs.map(l => l[k]));
      out.push(
        `| ${step} | ${poll} ms | ${rs.length} | ${f0(m('totalMs'))} ms | ${f0(
          m('inRequestsMs'),
        )} ms | ${f0(m('sleepingMs'))} ms | ${f0(m('overheadMs'))} ms | ${f1(
          (100 * m('overheadMs')) / m('totalMs'),
        )} % | ${f0(m('cpuMs'))} ms | ${f0(m('requests'))} | ${f0(
          m('polls'),
        )} |`,
      );
    }
  }
  out.push(
    '',
    'The poll interval (3 s by default, `pollIntervalMs` of the actions) bounds how late a ready state is noticed; the 250 ms rows show how much of the default wait is that granularity rather than the upstream.',
    '',
  );
}

// ---- 5. backend RSS
if (http.length) {
  out.push('## 5. Peak RSS of the backend (during section 3)', '');
  for (const b of ['vsphere', 'kubernetes']) {
    // the catalog reference runs after ours in the same process: its rows are left out here
    const ls = http.filter(l => l.backend === b);
    const colds = ls.filter(l => l.phase === 'cold');
    if (!colds.length) continue;
    out.push(
      `- ${b}: ${f0(
        Math.max(...ls.map(l => l.peakRssMiB)),
      )} MiB peak (VmHWM, highest of its ${
        colds.length
      } processes; by c: ${colds
        .map(
          l =>
            `${l.concurrency}: ${f0(
              Math.max(
                ...ls
                  .filter(x => x.concurrency === l.concurrency)
                  .map(x => x.peakRssMiB),
              ),
            )}`,
        )
        .join(', ')} MiB), ${f0(
        median(colds.map(l => l.rssIdleMiB)),
      )} MiB when ready before the first view (median).`,
    );
  }
  const cat = http.filter(l => l.backend === 'catalog');
  if (cat.length)
    out.push(
      `- the catalog-lookup reference, run after ours in the vsphere processes, raised them to ${f0(
        Math.max(...cat.map(l => l.peakRssMiB)),
      )} MiB.`,
    );
  out.push(
    '- Both run from TypeScript sources through `@backstage/cli/config/nodeTransform.cjs` (as `backstage-cli package start` does), which adds the transform and source maps to the RSS of a built backend.',
    '',
  );
}

// ---- 6. catalog
const catalog = lines.find(l => l.bench === 'catalog');
if (catalog) {
  const r = catalog.result ?? {};
  out.push(
    '## 6. Catalog: the entity provider with deltas from the snapshot',
    '',
    '`bench/catalog.ts`: the provider as the module builds it (shared clients, `snapshot` set, every vCenter VM included); a full run, a second full run with nothing changed, then VMs applied and deleted with kubectl in `demo` (the time from the `kubectl delete` until the delta that removes its entity).',
    '',
    '| what | time | entities | vCenter requests | Kubernetes requests |',
    '|---|---:|---:|---:|---:|',
    `| first full run | ${f0(r.durationMs)} ms | ${catalog.entitiesApplied} | ${
      catalog.vcenterRequests.total
    } | ${catalog.k8sRequests} |`,
    `| second full run, nothing changed | ${f0(
      catalog.second.result.durationMs,
    )} ms | ${catalog.second.result.entities ?? ''} | ${
      catalog.second.vcenterRequests.total
    } | ${catalog.second.k8sRequests} |`,
    '',
    `Deletion visible (kubectl delete of a VM → the delta removing its entity), ${
      catalog.deleteMs.length
    } VMs: ${catalog.deleteMs
      .map((ms: number) => `${f0(ms)} ms`)
      .join(', ')}; p50 ${f0(catalog.deleteP50)} ms, max ${f0(
      catalog.deleteMax,
    )} ms. Full runs in all: ${
      catalog.fullRuns
    } (the two above). vCenter requests of the first full run by operation: ${ops(
      catalog.vcenterRequests.byOp,
    )}; of the second: ${ops(catalog.second.vcenterRequests.byOp)}. Peak RSS ${
      catalog.peakRssMiB
    } MiB.`,
    '',
  );
  targets.push(
    `Catalog deletion visible < 5 s: max ${f0(catalog.deleteMax)} ms over ${
      catalog.deleteMs.length
    } (${verdict(catalog.deleteMax < 5000)}); full run ${f1(
      r.durationMs / 1000,
    )} s; unchanged second pass ${
      catalog.second.vcenterRequests.total
    } vCenter + ${
      catalog.second.k8sRequests
    } Kubernetes requests (the full run is the safety net and reads upstream, not the snapshot).`,
  );
}

// ---- 7. freshness
const fresh = lines.filter(l => l.bench === 'freshness');
if (fresh.length) {
  out.push(
    '## 7. Freshness: from an upstream change to the change visible',
    '',
    "`bench/live.ts freshness`: one vsphere backend (section 3's, with `@backstage/plugin-signals-backend` and guest sign-in); the time from just before the command starts until **route**: the overview route, polled every 50 ms, shows the change; **signal**: a signals subscriber (WebSocket on `/api/signals`, a guest user token as protocol, subscribed to `vsphere:namespace:<vc>/<sv>/demo`) hears of the namespace; **page**: the overview read that subscriber makes on a notice shows the change (what an open page shows). The command's own time (process start, login, request) is part of each and given apart. The testenv reconciler is paused (no machines created for a scale, no power state reverted).",
    '',
    '| change | n | command itself p50 | route p50 / p95 | signal p50 / p95 | page p50 / p95 | seen (route/signal/page) |',
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const l of fresh) {
    out.push(
      `| ${l.change}: \`${l.command}\` | ${l.route.n} | ${f0(
        l.commandMs.p50,
      )} ms | ${f0(l.route.p50)} / ${f0(l.route.p95)} ms | ${f0(
        l.signal.p50,
      )} / ${f0(l.signal.p95)} ms | ${f0(l.page.p50)} / ${f0(
        l.page.p95,
      )} ms | ${l.route.seen}/${l.signal.seen}/${l.page.seen} |`,
    );
    if (l.vcenterDelivered)
      out.push(
        `| ${
          l.change
        }: vCenter delivers it to a WaitForUpdatesEx watch (a second feed of the same specs in the benchmark process) | ${
          l.vcenterDelivered.n
        } | | ${f0(l.vcenterDelivered.p50)} / ${f0(
          l.vcenterDelivered.p95,
        )} ms | | | ${l.vcenterDelivered.seen} |`,
      );
    targets.push(
      `Freshness p95 < 2 s, ${l.change}: route ${f0(l.route.p95)} ms (${verdict(
        l.route.seen === l.route.n && l.route.n > 0 && l.route.p95 < 2000,
      )}), open page ${f0(l.page.p95)} ms (${verdict(
        l.page.seen === l.page.n && l.page.n > 0 && l.page.p95 < 2000,
      )}), over ${l.route.n} changes (${
        l.route.seen
      } seen in the route within 30 s).`,
    );
  }
  out.push(
    '',
    `The vCenter side (govc power) goes through the simulator's WaitForUpdatesEx: govmomi's simulator re-collects the whole filter (every VM, host and datastore of the ContainerView, ${meta.vms} VMs here) for each update, so most of that time is the re-collection; a real vCenter sends the changed property only. The Supervisor side (kubectl) is the informer's watch event plus the snapshot's 100 ms notice coalescing.`,
    '',
  );
}

// ---- 8. idle cost
const idle = lines.filter(l => l.bench === 'idle');
if (idle.length) {
  const polls = lines.filter(l => l.bench === 'idle-polls');
  out.push(
    '## 8. Idle cost: open pages, no upstream change',
    '',
    `\`bench/live.ts idle\`: ours = _N_ signals subscribers connected to one vsphere backend (after one view), nobody changes anything; Kubernetes plugin = _N_ simulated tabs, each \`POST /api/kubernetes/services/bench-entity\` every 10 s (its tab's refresh), spread evenly. ${f0(
      idle[0].seconds,
    )} s each; vCenter requests from the recorder, Kubernetes requests counted in the backend, CPU = utime+stime of the backend process from \`/proc/<pid>/stat\`.`,
    '',
    '| backend | pages | vCenter requests/min | Kubernetes requests/min | backend CPU | RSS | polls p50 / p95 (failed) |',
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const l of idle) {
    const p = polls.find(x => x.backend === l.backend && x.pages === l.pages);
    out.push(
      `| ${l.backend} | ${l.pages} | ${f1(l.vcenterPerMin)} | ${f1(
        l.k8sPerMin,
      )} | ${f1(l.cpuPercent)} % | ${f0(l.rssMiB)} MiB | ${
        p && p.polls ? `${f0(p.p50)} / ${f0(p.p95)} ms (${p.failed})` : ''
      } |`,
    );
  }
  const ours = idle.filter(l => l.backend === 'vsphere');
  const k8s = idle.filter(l => l.backend === 'kubernetes');
  const upstream = (l: any) => l.vcenterPerMin + l.k8sPerMin;
  if (ours.length) {
    const oursMax = ours[ours.length - 1];
    const k8sMax = k8s[k8s.length - 1];
    out.push(
      '',
      `vCenter requests of ours at ${oursMax.pages} pages by operation: ${ops(
        oursMax.vcenterByOp,
      )}.`,
      '',
    );
    const flat =
      // flat: within noise of the no-page row (a probe or long-poll more or less per window)
      upstream(oursMax) <= upstream(ours[0]) * 1.5 + 5 &&
      oursMax.cpuPercent <= ours[0].cpuPercent + 5;
    targets.push(
      `Idle cost flat in pages: ours ${ours
        .map(
          l =>
            `${l.pages} pages ${f1(upstream(l))} upstream req/min, ${f1(
              l.cpuPercent,
            )} % CPU`,
        )
        .join('; ')} (${verdict(flat)}); the Kubernetes plugin's tab ${k8s
        .map(
          l =>
            `${l.pages} pages ${f1(upstream(l))} req/min, ${f1(
              l.cpuPercent,
            )} % CPU`,
        )
        .join('; ')}${k8sMax ? '' : ' (not run)'}.`,
    );
  }
}

if (targets.length)
  out.push('## Targets of issue 14', '', ...targets.map(t => `- ${t}`), '');

out.push(
  '## Not measured',
  '',
  ...meta.notMeasured.map((s: string) => `- ${s}`),
  '',
);

const text = out.join('\n');
process.stdout.write(`${text}\n`);
const dir = path.join(__dirname, 'results');
fs.mkdirSync(dir, { recursive: true });
// a partial run (BENCH_ONLY) names its report apart, so a whole run's report of the day stays
const report = `${meta.report ?? meta.date}.md`;
fs.writeFileSync(path.join(dir, report), `${text}\n`);
process.stderr.write(`wrote ${path.join('bench/results', report)}\n`);
