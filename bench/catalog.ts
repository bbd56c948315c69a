/*
 * Catalog ingestion at scale, against the testenv copy: the vSphere entity provider as the
 * module runs it (shared clients, deltas from the watch-fed snapshot):
 *
 * - one full run with every vCenter VM included: time, entities, upstream requests, peak RSS;
 * - a second full run with nothing changed: its upstream requests (vCenter from the recorder,
 *   Kubernetes counted in this process);
 * - BENCH_CATALOG_DELETES times: a VM applied with kubectl (untimed, until its delta adds it),
 *   then deleted with kubectl: time until the delta that removes its entity.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { EntityProviderMutation } from '@backstage/plugin-catalog-node';
import {
  readCatalogConfig,
  VsphereEntityProvider,
} from '@backstage-vsphere/plugin-catalog-backend-module-vsphere';
import {
  InventorySnapshot,
  VsphereClients,
} from '@backstage-vsphere/plugin-vsphere-node';
import {
  installRequestCounter,
  loadTestenv,
  logger,
  now,
  percentile,
  recordedSince,
  recorderMark,
  sentRequests,
  sentTo,
  TestenvInfo,
  vcenterConfigs,
} from './common';

installRequestCounter();

const DELETES = Number(process.env.BENCH_CATALOG_DELETES ?? 5);

function kubectl(env: TestenvInfo, ...args: string[]) {
  const bin = path.join(
    path.dirname(path.dirname(env.vcenter.caFile)),
    'bin',
    'kubectl',
  );
  execFileSync(
    fs.existsSync(bin) ? bin : 'kubectl',
    ['--kubeconfig', env.supervisor.adminKubeconfig, ...args],
    { stdio: 'ignore' },
  );
}

async function waitFor(
  mutations: EntityProviderMutation[],
  matches: (m: EntityProviderMutation) => boolean,
  timeoutMs: number,
): Promise<boolean> {
  const t0 = now();
  while (!mutations.some(matches)) {
    if (now() - t0 > timeoutMs) return false;
    await new Promise(r => setTimeout(r, 20));
  }
  return true;
}

async function main() {
  const env = loadTestenv();
  const svPort = new URL(env.supervisor.url).port;
  const [vcenter] = vcenterConfigs(env);
  const clients = new VsphereClients([vcenter], logger);
  const snapshot = new InventorySnapshot(clients, { logger });
  const config = readCatalogConfig(
    new ConfigReader({
      vsphere: {
        catalog: {
          defaultOwner: 'group:default/guests',
          includeVcenterVms: true,
        },
      },
    }),
  );
  const mutations: EntityProviderMutation[] = [];
  const provider = VsphereEntityProvider.create({
    vcenter,
    config,
    sources: {
      vcenter: () => clients.vcenter(vcenter.name),
      supervisor: name => clients.supervisor(vcenter.name, name),
    },
    logger,
    taskRunner: { run: async () => {} },
    snapshot,
    vcenterCount: 1,
  });
  await provider.connect({
    applyMutation: async mutation => {
      mutations.push(mutation);
    },
    refresh: async () => {},
  });

  const fullRun = async () => {
    const mark = recorderMark(env);
    const before = new Map(sentRequests);
    const result = await provider.refresh();
    const requests = await recordedSince(env, mark);
    return {
      result,
      vcenterRequests: requests,
      k8sRequests: sentTo(svPort, before),
    };
  };
  const rssBefore = process.memoryUsage().rss;
  const first = await fullRun();
  const full = mutations.find(m => m.type === 'full');
  // the deltas come from the snapshot's Supervisor feeds
  await snapshot.follow(vcenter.name);
  const second = await fullRun();

  const deleteMs: number[] = [];
  for (let i = 0; i < DELETES; i++) {
    const name = `bench-del-${crypto.randomBytes(3).toString('hex')}`;
    const ref = `resource:default/demo.vm.${name}`;
    const manifest = path.join(os.tmpdir(), `${name}.json`);
    fs.writeFileSync(
      manifest,
      JSON.stringify({
        apiVersion: 'vmoperator.vmware.com/v1alpha5',
        kind: 'VirtualMachine',
        metadata: { name, namespace: 'demo' },
        spec: {
          className: 'best-effort-small',
          imageName: 'ubuntu-2204-kube-v1.33',
          storageClass: 'vsan-default-storage-policy',
          powerState: 'PoweredOff',
        },
      }),
    );
    try {
      kubectl(env, 'apply', '-f', manifest);
      const added = await waitFor(
        mutations,
        m =>
          m.type === 'delta' &&
          m.added.some(d => d.entity.metadata.name === `demo.vm.${name}`),
        30_000,
      );
      if (!added) throw new Error(`no delta added ${ref}`);
      const t0 = now();
      kubectl(env, 'delete', '-f', manifest, '--wait=false');
      const removed = await waitFor(
        mutations,
        m =>
          m.type === 'delta' &&
          m.removed.some(r => 'entityRef' in r && r.entityRef === ref),
        30_000,
      );
      deleteMs.push(removed ? now() - t0 : Infinity);
    } finally {
      kubectl(env, 'delete', '-f', manifest, '--ignore-not-found');
      fs.rmSync(manifest, { force: true });
    }
  }
  await snapshot.stop();
  await clients.close();
  console.log(
    JSON.stringify({
      bench: 'catalog',
      vms: env.vcenter.vmCount,
      result: first.result,
      entitiesApplied: full?.type === 'full' ? full.entities.length : 0,
      vcenterRequests: first.vcenterRequests,
      k8sRequests: first.k8sRequests,
      second: second,
      deleteMs,
      deleteP50: percentile(deleteMs, 50),
      deleteMax: Math.max(...deleteMs),
      fullRuns: mutations.filter(m => m.type === 'full').length,
      rssBeforeMiB: Math.round(rssBefore / 2 ** 20),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

main()
  .then(() => process.exit(0))
  .catch(error => {
    console.error(error);
    process.exit(1);
  });
