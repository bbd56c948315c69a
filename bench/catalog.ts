/*
 * Catalog ingestion at scale: one full run of the vSphere entity provider against the testenv
 * copy, with every vCenter VM included, timed, with the upstream requests and peak memory.
 */
import { ConfigReader } from '@backstage/config';
import {
  readCatalogConfig,
  VsphereEntityProvider,
} from '@backstage-vsphere/plugin-catalog-backend-module-vsphere';
import { VsphereClients } from '@backstage-vsphere/plugin-vsphere-node';
import {
  loadTestenv,
  logger,
  recordedSince,
  recorderMark,
  vcenterConfigs,
} from './common';

async function main() {
  const env = loadTestenv();
  const [vcenter] = vcenterConfigs(env);
  const clients = new VsphereClients([vcenter], logger);
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
  let applied = 0;
  const provider = VsphereEntityProvider.create({
    vcenter,
    config,
    sources: {
      vcenter: () => clients.vcenter(vcenter.name),
      supervisor: name => clients.supervisor(vcenter.name, name),
    },
    logger,
    taskRunner: { run: async () => {} },
  });
  await provider.connect({
    applyMutation: async mutation => {
      applied = mutation.type === 'full' ? mutation.entities.length : applied;
    },
    refresh: async () => {},
  });
  const mark = recorderMark(env);
  const rssBefore = process.memoryUsage().rss;
  const result = await provider.refresh();
  const requests = await recordedSince(env, mark);
  await clients.close();
  console.log(
    JSON.stringify({
      bench: 'catalog',
      vms: env.vcenter.vmCount,
      result,
      entitiesApplied: applied,
      vcenterRequests: requests,
      rssBeforeMiB: Math.round(rssBefore / 2 ** 20),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
