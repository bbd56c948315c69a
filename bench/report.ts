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
const entity = lines.filter(l => l.phase === 'cold' || l.phase === 'warm');
if (entity.length) {
  out.push(
    "## 2. Entity page: `CachedVsphereInventory.getEntityOverview()` (the overview route's data, no HTTP layer)",
    '',
  );
  if (seed) {
    out.push(
      `Seeded in Supervisor namespace \`demo\`: ${seed.vms} VM Service VMs (selector \`bench=entity\`; ${seed.placed} of them placed in vCenter by the testenv reconciler when measured) and ${seed.clusters} Cluster API clusters x 3 node pools (${seed.readyPools} pools ready); plus the testenv's own demo cluster. vCenter holds ~${meta.vms} VMs.`,
      '',
    );
  }
  for (const deadline of [...new Set(entity.map(l => l.sourceDeadlineMs))]) {
    out.push(
      `### source deadline ${deadline} ms, cache TTL ${
        entity.find(l => l.sourceDeadlineMs === deadline).ttlMs
      } ms`,
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
    out.push('');
  }
}

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
fs.writeFileSync(path.join(dir, `${meta.date}.md`), text + '\n');
process.stderr.write(
  `wrote ${path.join('bench/results', `${meta.date}.md`)}\n`,
);
