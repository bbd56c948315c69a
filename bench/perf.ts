/*
 * Benchmark: recent CPU and memory (real-time interval, 15 samples) of N VMs from the testenv
 * vSphere simulator's PerformanceManager.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/perf.ts <mode> [vms] [runs]
 *
 * Modes (each prints one JSON line: median wall time, series read, recorded upstream requests):
 *   client   VCenterClient.queryPerf(): one QueryPerf per 500 VMs (counter ids read once)
 *   naive    one QueryPerf per VM, as a per-VM loop (e.g. `govc metrics.sample` per VM) does
 */
import { VCenterClient } from '@backstage-vsphere/plugin-vsphere-node';
import {
  loadTestenv,
  logger,
  median,
  now,
  recordedSince,
  recorderMark,
  vcenterConfigs,
} from './common';

async function main() {
  const [mode = 'client', vmsArg = '500', runsArg = '3'] =
    process.argv.slice(2);
  const env = loadTestenv();
  const [config] = vcenterConfigs(env, {});
  const vc = VCenterClient.create(config, { logger });
  const vms = (await vc.listVms()).slice(0, Number(vmsArg));
  if (vms.length < Number(vmsArg)) {
    throw new Error(
      `the simulator has ${vms.length} VMs; start the testenv with TESTENV_VMS=${vmsArg} or more`,
    );
  }
  const refs = vms.map(vm => ({
    type: 'VirtualMachine' as const,
    value: vm.moref,
  }));
  // the counter ids are read once per client, as in the backend: not part of a view's cost
  await vc.queryPerf(refs.slice(0, 1));
  const times: number[] = [];
  let series = 0;
  let requests: Awaited<ReturnType<typeof recordedSince>> | undefined;
  for (let run = 0; run < Number(runsArg); run++) {
    const mark = recorderMark(env);
    const t0 = now();
    if (mode === 'naive') {
      series = 0;
      for (const ref of refs) {
        series += (await vc.queryPerf([ref])).length;
      }
    } else {
      series = (await vc.queryPerf(refs)).length;
    }
    times.push(now() - t0);
    requests = await recordedSince(env, mark);
  }
  await vc.close();
  console.log(
    JSON.stringify({
      mode,
      vms: refs.length,
      series,
      medianMs: Math.round(median(times)),
      runsMs: times.map(Math.round),
      requests: requests?.total,
      byOp: requests?.byOp,
    }),
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
