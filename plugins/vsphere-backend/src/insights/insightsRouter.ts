import { createHash } from 'node:crypto';
import { CacheService, HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_MOREF,
  ANNOTATION_SUPERVISOR_NAMESPACE,
  ANNOTATION_VCENTER,
  ClusterPlacement,
  MonitoringLink,
  PerfSeries,
} from '@backstage-vsphere/plugin-vsphere-common';
import {
  clusterPlacements,
  joinClusterMachines,
  monitoringLinksFor,
  MonitoringLinkTemplate,
  readSupervisorCapacity,
  VsphereClients,
} from '@backstage-vsphere/plugin-vsphere-node';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { VsphereInventory } from '../inventory/VsphereInventory';
import {
  entityTargetOf,
  pickVCenter,
  overviewTargetOf,
} from '../service/resolveEntityTarget';
import { VsphereEntityService } from '../service/VsphereEntityService';

/** Capacity moves slowly; the real-time perf interval is 20 s, so caching longer shows nothing new. */
const CAPACITY_TTL_MS = 60_000;
const PERF_TTL_MS = 20_000;

function entityRefOf(req: Request) {
  const { namespace, kind, name } = req.params;
  return { namespace, kind, name };
}

export interface InsightsRouterOptions {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  /** The overview routes' page resolution and read check, so both routers decide alike. */
  service: VsphereEntityService;
  clients: VsphereClients;
  inventory: VsphereInventory;
  cache: CacheService;
  monitoringLinks: MonitoringLinkTemplate[];
}

/** What a page's capacity is about: a Supervisor's cluster, and the namespace when it has one. */
interface CapacityTarget {
  vcenter: string;
  cluster: string;
  namespace?: string;
}

/**
 * Routes for the Capacity card, the placement picture and the sparklines, beside the overview:
 * each reads in bulk and is cached across viewers, so upstream load does not grow with them.
 */
export async function createInsightsRouter(
  options: InsightsRouterOptions,
): Promise<express.Router> {
  const { httpAuth, catalog, clients, inventory, cache, service } = options;
  const router = Router();

  const callerOf = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  async function cached<T>(
    key: string,
    ttl: number,
    read: () => Promise<T>,
  ): Promise<T> {
    const hit = await cache.get<any>(key);
    if (hit !== undefined) {
      return hit as T;
    }
    const value = await read();
    await cache.set(key, value as any, { ttl });
    return value;
  }

  /** A namespace page's Supervisor cluster, or a Supervisor entity's configured cluster. */
  async function capacityTarget(req: Request): Promise<CapacityTarget> {
    const credentials = await callerOf(req);
    const entityRef = stringifyEntityRef(entityRefOf(req));
    await service.requireEntityRead(entityRef, credentials);
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(
        `Entity ${entityRef} was not found in the catalog`,
      );
    }
    const annotations = entity.metadata.annotations ?? {};
    if (annotations[ANNOTATION_SUPERVISOR_NAMESPACE]) {
      // read and checked above: the annotations are all that is left to read
      const page = entityTargetOf(entity, clients.configs, entityRef);
      const vcenter = page.vcenter.name;
      const namespace = page.target.namespace;
      // vCenter says which cluster hosts the namespace; asked once a minute, not per viewer
      const cluster = await cached(
        `insights:namespace-cluster:${vcenter}:${namespace}`,
        CAPACITY_TTL_MS,
        async () =>
          (
            await clients.vcenter(vcenter).getNamespace(namespace)
          ).cluster,
      );
      return { vcenter, cluster, namespace };
    }
    const vc = pickVCenter(clients.configs, annotations[ANNOTATION_VCENTER]);
    // only a configured Supervisor's cluster, never any moref a catalog-info file names
    const moref = annotations[ANNOTATION_MOREF];
    const supervisor = vc.supervisors.find(s => s.cluster === moref);
    if (entity.spec?.type !== 'vsphere-supervisor' || !supervisor) {
      throw new InputError(
        `Entity ${entityRef} is neither a Supervisor namespace (${ANNOTATION_SUPERVISOR_NAMESPACE}) nor a configured Supervisor`,
      );
    }
    return { vcenter: vc.name, cluster: supervisor.cluster };
  }

  const entityPath = '/entities/:namespace/:kind/:name';

  router.get(`${entityPath}/capacity`, async (req, res) => {
    const target = await capacityTarget(req);
    const capacity = await cached(
      `insights:capacity:${target.vcenter}:${target.cluster}`,
      CAPACITY_TTL_MS,
      () =>
        readSupervisorCapacity(clients.vcenter(target.vcenter), target.cluster),
    );
    const links: Record<string, MonitoringLink[]> = {
      cluster: monitoringLinksFor(options.monitoringLinks, 'cluster', {
        name: capacity.cluster.name,
        moref: capacity.cluster.moref,
        vcenter: target.vcenter,
      }),
    };
    if (target.namespace) {
      links.namespace = monitoringLinksFor(
        options.monitoringLinks,
        'namespace',
        { name: target.namespace, vcenter: target.vcenter },
      );
    }
    res.json({ ...capacity, namespace: target.namespace, links });
  });

  /** The page's overview (the inventory's cached read) with node Machines joined to their VMs. */
  async function overviewOf(req: Request) {
    const page = await service.readablePage(
      entityRefOf(req),
      await callerOf(req),
    );
    const overview = await inventory.getEntityOverview(overviewTargetOf(page));
    return { page, overview };
  }

  router.get(`${entityPath}/placement`, async (req, res) => {
    const { page, overview } = await overviewOf(req);
    const vcenterVms = overview.vms.flatMap(vm =>
      vm.vcenterVm ? [vm.vcenterVm] : [],
    );
    const clusters = joinClusterMachines(
      overview.clusters,
      vcenterVms,
      overview.vms,
    );
    const items: (ClusterPlacement & { links: MonitoringLink[] })[] =
      clusterPlacements({ clusters, vms: overview.vms }).map(p => ({
        ...p,
        links: monitoringLinksFor(options.monitoringLinks, 'cluster', {
          name: p.cluster,
          namespace: page.target.namespace,
          vcenter: page.vcenter.name,
        }),
      }));
    res.json({ items, errors: overview.errors });
  });

  router.get(`${entityPath}/perf`, async (req, res) => {
    const { page, overview } = await overviewOf(req);
    // the page's VMs and its clusters' node VMs, so node pool views get sparklines too
    const vms = [
      ...overview.vms.flatMap(vm =>
        vm.vcenterVm ? [{ name: vm.name, vcenterVm: vm.vcenterVm }] : [],
      ),
      ...overview.clusters.flatMap(c =>
        c.nodePools.flatMap(p =>
          p.machines.flatMap(m =>
            m.vcenterVm ? [{ name: m.name, vcenterVm: m.vcenterVm }] : [],
          ),
        ),
      ),
    ].filter((vm, i, all) => all.findIndex(o => o.name === vm.name) === i);
    const morefs = [...new Set(vms.map(vm => vm.vcenterVm.moref))].sort();
    const hostIds = [
      ...new Set(
        vms.flatMap(vm => (vm.vcenterVm.host ? [vm.vcenterVm.host] : [])),
      ),
    ].sort();
    const key = createHash('sha1')
      .update(`${morefs.join(',')}|${hostIds.join(',')}`)
      .digest('base64url')
      .slice(0, 16);
    const series = await cached<PerfSeries[]>(
      `insights:perf:${page.vcenter.name}:${key}`,
      PERF_TTL_MS,
      () =>
        clients.vcenter(page.vcenter.name).queryPerf([
          ...morefs.map(value => ({
            type: 'VirtualMachine' as const,
            value,
          })),
          ...hostIds.map(value => ({ type: 'HostSystem' as const, value })),
        ]),
    );
    const byMoref = new Map(series.map(s => [s.moref, s]));
    res.json({
      vms: vms.map(vm => ({
        name: vm.name,
        moref: vm.vcenterVm.moref,
        host: vm.vcenterVm.hostName,
        series: byMoref.get(vm.vcenterVm.moref),
        links: monitoringLinksFor(options.monitoringLinks, 'vm', {
          name: vm.name,
          moref: vm.vcenterVm.moref,
          namespace: page.target.namespace,
          vcenter: page.vcenter.name,
        }),
      })),
      hosts: hostIds.map(moref => ({
        moref,
        name: vms.find(vm => vm.vcenterVm.host === moref)?.vcenterVm.hostName,
        series: byMoref.get(moref),
      })),
    });
  });

  return router;
}
