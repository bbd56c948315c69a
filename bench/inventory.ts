/*
 * Benchmark 1: read every VM with its properties (name, power, CPU, memory, guest OS, IP,
 * host, datastores) from the testenv vSphere simulator.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/inventory.ts <mode> [args]
 *
 * Modes (each prints one JSON line with wall time, VM count and recorded upstream requests):
 *   client [pageSize]        VCenterClient.listVms(): PropertyCollector paged over a ContainerView
 *   naive  <sample>          one RetrievePropertiesEx per VM (the per-VM loop), on a sample
 *   govc   <govcBinary>      `govc object.collect -json -type m / <same properties>`, the bulk
 *                            read a govc user would write; timed around the govc process
 *                            (JSON written to a file), RSS from /usr/bin/time when present
 *   watch                    the live feed's first full sync: VCenterClient.watchInventory() over
 *                            the same VM, host and datastore specs as the snapshot, start() timed
 */
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { VCenterClient } from '@backstage-vsphere/plugin-vsphere-node';
import { VCenterHttp } from '../plugins/vsphere-node/src/vcenter/http';
import { SoapSession } from '../plugins/vsphere-node/src/vcenter/SoapSession';
import {
  el,
  moRefEl,
  textEl,
  asArray,
  textOf,
  moRefOf,
} from '../plugins/vsphere-node/src/vcenter/soapXml';
import {
  VM_SPEC,
  NAME_SPECS,
} from '../plugins/vsphere-node/src/vcenter/inventory';
import {
  loadTestenv,
  logger,
  now,
  peakRssMiB,
  recordedSince,
  recorderMark,
  vcenterConfigs,
} from './common';

// the process before the first vCenter request: node, the transform and the loaded modules
const rssMiB = () => process.memoryUsage().rss / 1048576;

const isObject = (v: unknown): v is Record<string, any> =>
  typeof v === 'object' && v !== null;

async function client(pageSize: number) {
  const env = loadTestenv();
  const [config] = vcenterConfigs(env, { inventoryPageSize: pageSize });
  const vc = VCenterClient.create(config, { logger });
  const mark = recorderMark(env);
  const rssBeforeReadMiB = rssMiB();
  const t0 = now();
  const vms = await vc.listVms();
  const ms = now() - t0;
  await vc.close();
  const rec = await recordedSince(env, mark);
  const withHost = vms.filter(v => v.hostName).length;
  return {
    mode: 'client',
    pageSize,
    ms,
    vms: vms.length,
    withHostName: withHost,
    requests: rec.total,
    byOp: rec.byOp,
    rssBeforeReadMiB,
    peakRssMiB: peakRssMiB(),
  };
}

/**
 * What a script does when it lists VMs and then asks for each VM's properties: one
 * RetrievePropertiesEx per VM (all properties in one call; a per-property loop would be
 * several times worse). Measured on the first `sample` VMs of the inventory.
 */
async function naive(sample: number) {
  const env = loadTestenv();
  const [config] = vcenterConfigs(env, { inventoryPageSize: 1000 });
  // the list of morefs (and host/datastore names) comes from one bulk read, not timed
  const vc = VCenterClient.create(config, { logger });
  const all = await vc.listVms();
  await vc.close();
  const morefs = all.slice(0, sample).map(v => v.moref);

  const http = new VCenterHttp(config, logger);
  const soap = new SoapSession(http, config, logger);
  const content = await soap.serviceContent();
  const mark = recorderMark(env);
  const t0 = now();
  // names of hosts and datastores, as the bulk path reads them: one read per object type
  // is the best a naive script can do; counted but cheap
  const names = new Map<string, string>();
  let got = 0;
  for (const moref of morefs) {
    const ret = await soap.call({
      endpoint: 'vim',
      operation: 'RetrievePropertiesEx',
      target: content.propertyCollector,
      params: [
        el(
          'specSet',
          undefined,
          el(
            'propSet',
            undefined,
            textEl('type', VM_SPEC.type),
            VM_SPEC.paths.map(p => textEl('pathSet', p)),
          ),
          el(
            'objectSet',
            undefined,
            moRefEl('obj', { type: 'VirtualMachine', value: moref }),
            textEl('skip', false),
          ),
        ),
        el('options', undefined),
      ],
      idempotent: true,
      action: `read VM ${moref}`,
    });
    if (isObject(ret)) {
      for (const o of asArray(ret.objects)) {
        if (isObject(o) && moRefOf(o.obj)) got++;
      }
    }
  }
  // one read per distinct host and datastore name (a naive script resolves each reference)
  const refs = new Set<string>();
  for (const v of all.slice(0, sample)) {
    if (v.host) refs.add(`HostSystem:${v.host}`);
    for (const d of v.datastores ?? []) refs.add(`Datastore:${d}`);
  }
  for (const r of refs) {
    const [type, value] = r.split(':');
    const ret = await soap.call({
      endpoint: 'vim',
      operation: 'RetrievePropertiesEx',
      target: content.propertyCollector,
      params: [
        el(
          'specSet',
          undefined,
          el(
            'propSet',
            undefined,
            textEl('type', type),
            textEl('pathSet', 'name'),
          ),
          el(
            'objectSet',
            undefined,
            moRefEl('obj', { type, value }),
            textEl('skip', false),
          ),
        ),
        el('options', undefined),
      ],
      idempotent: true,
      action: `read name of ${r}`,
    });
    if (isObject(ret)) {
      for (const o of asArray(ret.objects)) {
        if (isObject(o)) {
          for (const p of asArray(o.propSet)) {
            if (isObject(p)) names.set(value, textOf(p.val) ?? '');
          }
        }
      }
    }
  }
  const ms = now() - t0;
  await soap.close();
  await http.destroy();
  const rec = await recordedSince(env, mark);
  void NAME_SPECS;
  return {
    mode: 'naive',
    sample,
    total: all.length,
    ms,
    vms: got,
    names: names.size,
    requests: rec.total,
    byOp: rec.byOp,
    peakRssMiB: peakRssMiB(),
  };
}

async function govc(bin: string) {
  const env = loadTestenv();
  // exactly the property paths our client reads
  const args = ['object.collect', '-json', '-type', 'm', '/', ...VM_SPEC.paths];
  const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const out = `${process.env.BENCH_TMP ?? '/tmp'}/govc-vms.json`;
  const fd = fs.openSync(out, 'w');
  const mark = recorderMark(env);
  const t0 = now();
  const res = spawnSync(
    timeBin ?? bin,
    timeBin ? ['-f', 'maxrss_kb=%M', bin, ...args] : args,
    {
      env: {
        ...process.env,
        GOVC_URL: env.vcenter.sdkUrl,
        GOVC_USERNAME: env.vcenter.username,
        GOVC_PASSWORD: env.vcenter.password,
        GOVC_TLS_CA_CERTS: env.vcenter.caFile,
        // a fresh login each run, like the other clients (no cached session on disk)
        GOVMOMI_HOME: `${process.env.BENCH_TMP ?? '/tmp'}/govmomi-home-${
          process.pid
        }`,
        GOVC_PERSIST_SESSION: 'false',
      },
      stdio: ['ignore', fd, 'pipe'],
      maxBuffer: 1 << 26,
    },
  );
  const ms = now() - t0;
  fs.closeSync(fd);
  if (res.status !== 0) {
    throw new Error(`govc failed (${res.status}): ${res.stderr}`);
  }
  const rss = /maxrss_kb=(\d+)/.exec(String(res.stderr));
  // -json prints one update per VM ("kind": "enter")
  const text = fs.readFileSync(out, 'utf8');
  const vms = (text.match(/"kind":\s*"enter"/g) ?? []).length;
  const rec = await recordedSince(env, mark);
  return {
    mode: 'govc',
    command: `govc ${args.join(' ')}`,
    ms,
    vms,
    requests: rec.total,
    byOp: rec.byOp,
    peakRssMiB: rss ? Number(rss[1]) / 1024 : undefined,
  };
}

/** The live inventory feed's first full sync (WaitForUpdatesEx from version ''), as VCenterFeed starts it. */
async function watch() {
  const env = loadTestenv();
  const [config] = vcenterConfigs(env);
  const vc = VCenterClient.create(config, { logger });
  const mark = recorderMark(env);
  const rssBeforeReadMiB = rssMiB();
  const t0 = now();
  const feed = vc.watchInventory({ specs: [VM_SPEC, ...NAME_SPECS] });
  await feed.start();
  const ms = now() - t0;
  const vms = feed.objects('VirtualMachine').size;
  const rec = await recordedSince(env, mark);
  await feed.stop();
  await vc.close();
  return {
    mode: 'watch',
    ms,
    vms,
    requests: rec.total,
    byOp: rec.byOp,
    rssBeforeReadMiB,
    peakRssMiB: peakRssMiB(),
  };
}

async function main() {
  const [mode, arg] = process.argv.slice(2);
  let out;
  if (mode === 'client') out = await client(Number(arg ?? 1000));
  else if (mode === 'naive') out = await naive(Number(arg ?? 500));
  else if (mode === 'govc') out = await govc(arg);
  else if (mode === 'watch') out = await watch();
  else
    throw new Error(
      'usage: inventory.ts client [pageSize] | naive <sample> | govc <binary> | watch',
    );
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
