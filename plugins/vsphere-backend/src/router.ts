import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  EntityOverview,
  MAX_NODE_POOL_REPLICAS,
  PickerKind,
  vsphereEntityReadPermission,
  vsphereNodePoolScalePermission,
  vsphereOptionsReadPermission,
  vsphereVmPowerPermission,
} from '@backstage-vsphere/plugin-vsphere-common';
import {
  checkDnsLabel,
  checkDnsSubdomain,
  ChangedObject,
  VCenterConfig,
  VsphereChangeAuthorizer,
  VsphereClients,
} from '@backstage-vsphere/plugin-vsphere-node';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod/v3';
import { VsphereInventory } from './inventory/VsphereInventory';
import {
  ResolvedEntityTarget,
  resolveEntityTarget,
} from './service/resolveEntityTarget';
import {
  checkAnnotationsSelect,
  checkOverviewShows,
  SelectedObject,
} from './service/selection';

const PICKER_KINDS: [PickerKind, ...PickerKind[]] = [
  'vcenters',
  'supervisors',
  'namespaces',
  'storage-policies',
  'vm-classes',
  'images',
  'content-libraries',
  'clusters',
  'node-pools',
];

const dnsLabel = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, {
    message:
      "not a DNS-1123 label: use lower-case letters, digits and '-', starting and ending with a letter or digit",
  });
const optionsQuerySchema = z.object({
  vcenter: dnsLabel.optional(),
  supervisor: dnsLabel.optional(),
  namespace: dnsLabel.optional(),
  cluster: dnsLabel.optional(),
});
const scaleBodySchema = z.object({
  replicas: z.number().int().min(0).max(MAX_NODE_POOL_REPLICAS),
});
const powerBodySchema = z.object({ action: z.enum(['on', 'off', 'restart']) });

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(
      `${what}${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${
        issue.message
      }`,
    );
  }
  return result.data;
}

/** What a Backstage user may know of a configured vCenter: names and links, never credentials. */
export interface VCenterSummary {
  name: string;
  clientBaseUrl: string;
  supervisors: { name: string; cluster: string }[];
}

export function toVCenterSummary(vc: VCenterConfig): VCenterSummary {
  return {
    name: vc.name,
    clientBaseUrl: vc.clientBaseUrl,
    supervisors: vc.supervisors.map(s => ({
      name: s.name,
      cluster: s.cluster,
    })),
  };
}

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  catalog: CatalogService;
  clients: VsphereClients;
  inventory: VsphereInventory;
  authorizer: VsphereChangeAuthorizer;
}

type Credentials = Awaited<ReturnType<HttpAuthService['credentials']>>;
type Page = ResolvedEntityTarget & { credentials: Credentials };

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, auditor, catalog, clients, inventory } =
    options;
  const { authorizer } = options;
  const router = Router();
  router.use(express.json());

  /** The page entity as the caller sees it, with its annotations checked. */
  async function resolvePage(req: Request): Promise<Page> {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const resolved = await resolveEntityTarget({
      catalog,
      vcenters: clients.configs,
      entityRef: {
        kind: req.params.kind,
        namespace: req.params.namespace,
        name: req.params.name,
      },
      credentials,
    });
    return { credentials, ...resolved };
  }

  async function requireRead(page: Page) {
    const [decision] = await permissions.authorize(
      [
        {
          permission: vsphereEntityReadPermission,
          resourceRef: page.entityRef,
        },
      ],
      { credentials: page.credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed to view the vSphere resources of ${page.entityRef}`,
      );
    }
  }

  function overviewOf(page: Page) {
    return inventory.getEntityOverview({
      entityRef: page.entityRef,
      vcenter: page.vcenter.name,
      namespace: page.target.namespace,
      vmSelector: page.target.vmSelector,
      cluster: page.target.cluster,
      vm: page.target.vm,
    });
  }

  function objectOf(
    page: Page,
    selected: SelectedObject,
  ): Extract<ChangedObject, { name: string }> {
    return {
      kind: selected.kind,
      vcenter: page.vcenter.name,
      namespace: page.target.namespace,
      name: selected.name,
    };
  }

  /**
   * Reads select, changes are authorized on the object: the page must show the object, and the
   * caller must hold the permission on the object's own ingested entity.
   */
  async function authorizeChange(
    page: Page,
    selected: SelectedObject,
    permission: ResourcePermission<'catalog-entity'>,
    what: string,
  ) {
    await requireRead(page);
    checkAnnotationsSelect(page, selected);
    const object = objectOf(page, selected);
    const { entityRef } = await authorizer.authorize({
      object,
      permission,
      credentials: page.credentials,
      what,
    });
    checkOverviewShows(page, await overviewOf(page), selected);
    return entityRef;
  }

  async function requireOptionsRead(req: Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: vsphereOptionsReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('Not allowed to list vSphere options');
    }
  }

  router.get('/vcenters', async (req, res) => {
    await requireOptionsRead(req);
    res.json({ items: clients.configs.map(toVCenterSummary) });
  });

  router.get('/options/:kind', async (req, res) => {
    await requireOptionsRead(req);
    const kind = parse(z.enum(PICKER_KINDS), req.params.kind, 'kind');
    const query = parse(optionsQuerySchema, req.query, 'query');
    res.json({ items: await inventory.listOptions(kind, query) });
  });

  const entityPath = '/entities/:namespace/:kind/:name';

  router.get(`${entityPath}/overview`, async (req, res) => {
    const page = await resolvePage(req);
    await requireRead(page);
    const overview = await overviewOf(page);
    // one catalog read and one permission batch for every button of the page
    const clusters = overview.clusters.map(c => c.name);
    const vms = overview.vms.filter(vm => !vm.clusterNode).map(vm => vm.name);
    const decisions = await authorizer.allowedEach(
      [
        ...clusters.map(name => ({
          object: objectOf(page, { kind: 'cluster', name, nodePool: '' }),
          permission: vsphereNodePoolScalePermission,
        })),
        ...vms.map(name => ({
          object: objectOf(page, { kind: 'vm', name }),
          permission: vsphereVmPowerPermission,
        })),
      ],
      page.credentials,
    );
    const allowed: EntityOverview['allowed'] = {
      scaleClusters: clusters.filter((_, i) => decisions[i]),
      powerVms: vms.filter((_, i) => decisions[clusters.length + i]),
    };
    res.json({ ...overview, allowed });
  });

  router.post(
    `${entityPath}/clusters/:cluster/nodepools/:nodePool/scale`,
    async (req, res) => {
      const cluster = checkDnsLabel('cluster', req.params.cluster);
      const nodePool = checkDnsLabel('nodePool', req.params.nodePool);
      const { replicas } = parse(scaleBodySchema, req.body, 'body');
      const page = await resolvePage(req);
      const audit = await auditor.createEvent({
        eventId: 'nodepool-scale',
        severityLevel: 'medium',
        request: req,
        meta: {
          entityRef: page.entityRef,
          namespace: page.target.namespace,
          cluster,
          nodePool,
          replicas,
        },
      });
      try {
        const objectRef = await authorizeChange(
          page,
          { kind: 'cluster', name: cluster, nodePool },
          vsphereNodePoolScalePermission,
          `scale node pool '${nodePool}' of cluster '${cluster}'`,
        );
        const result = await clients
          .supervisor(page.vcenter.name)
          .scaleNodePool(page.target.namespace, cluster, nodePool, replicas);
        await inventory.invalidateNamespace({
          vcenter: page.vcenter.name,
          namespace: page.target.namespace,
        });
        await audit.success({ meta: { objectRef } });
        res.json({ cluster: result });
      } catch (error) {
        await audit.fail({ error: error as Error });
        throw error;
      }
    },
  );

  router.post(`${entityPath}/vms/:vm/power`, async (req, res) => {
    const vm = checkDnsSubdomain('vm', req.params.vm);
    const { action } = parse(powerBodySchema, req.body, 'body');
    const page = await resolvePage(req);
    const audit = await auditor.createEvent({
      eventId: 'vm-power',
      severityLevel: 'medium',
      request: req,
      meta: {
        entityRef: page.entityRef,
        namespace: page.target.namespace,
        vm,
        action,
      },
    });
    try {
      const objectRef = await authorizeChange(
        page,
        { kind: 'vm', name: vm },
        vsphereVmPowerPermission,
        `power ${action} VM '${vm}'`,
      );
      const supervisor = clients.supervisor(page.vcenter.name);
      const namespace = page.target.namespace;
      if (action === 'restart') {
        await supervisor.setVirtualMachinePowerState(
          namespace,
          vm,
          'PoweredOff',
        );
      }
      const result = await supervisor.setVirtualMachinePowerState(
        namespace,
        vm,
        action === 'off' ? 'PoweredOff' : 'PoweredOn',
      );
      await inventory.invalidateNamespace({
        vcenter: page.vcenter.name,
        namespace,
      });
      await audit.success({ meta: { objectRef } });
      res.json({ vm: result });
    } catch (error) {
      await audit.fail({ error: error as Error });
      throw error;
    }
  });

  return router;
}
