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
  MAX_NODE_POOL_REPLICAS,
  PickerKind,
  vsphereEntityReadPermission,
  vsphereNodePoolScalePermission,
  vsphereOptionsReadPermission,
  vsphereVmPowerPermission,
} from '@backstage-vsphere/plugin-vsphere-common';
import {
  VCenterConfig,
  VsphereClients,
} from '@backstage-vsphere/plugin-vsphere-node';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod/v3';
import { VsphereInventory } from './inventory/VsphereInventory';
import { resolveEntityTarget } from './service/resolveEntityTarget';

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

const optionsQuerySchema = z.object({
  vcenter: z.string().min(1).optional(),
  supervisor: z.string().min(1).optional(),
  namespace: z.string().min(1).optional(),
  cluster: z.string().min(1).optional(),
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
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, auditor, catalog, clients, inventory } =
    options;
  const router = Router();
  router.use(express.json());

  async function resolve(req: Request) {
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

  async function isAllowed(
    permission: ResourcePermission<'catalog-entity'>,
    resourceRef: string,
    credentials: Awaited<ReturnType<typeof resolve>>['credentials'],
  ) {
    const [decision] = await permissions.authorize(
      [{ permission, resourceRef }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  router.get('/vcenters', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ items: clients.configs.map(toVCenterSummary) });
  });

  router.get('/options/:kind', async (req, res) => {
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
    const kind = parse(z.enum(PICKER_KINDS), req.params.kind, 'kind');
    const query = parse(optionsQuerySchema, req.query, 'query');
    res.json({ items: await inventory.listOptions(kind, query) });
  });

  const entityPath = '/entities/:namespace/:kind/:name';

  router.get(`${entityPath}/overview`, async (req, res) => {
    const { credentials, entityRef, target, vcenter } = await resolve(req);
    const [read, scale, power] = await permissions.authorize(
      [
        { permission: vsphereEntityReadPermission, resourceRef: entityRef },
        { permission: vsphereNodePoolScalePermission, resourceRef: entityRef },
        { permission: vsphereVmPowerPermission, resourceRef: entityRef },
      ],
      { credentials },
    );
    if (read.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed to view the vSphere resources of ${entityRef}`,
      );
    }
    const overview = await inventory.getEntityOverview({
      entityRef,
      vcenter: vcenter.name,
      namespace: target.namespace,
      vmSelector: target.vmSelector,
      cluster: target.cluster,
      vm: target.vm,
    });
    res.json({
      ...overview,
      allowed: {
        scaleNodePools: scale.result === AuthorizeResult.ALLOW,
        powerVms: power.result === AuthorizeResult.ALLOW,
      },
    });
  });

  router.post(
    `${entityPath}/clusters/:cluster/nodepools/:nodePool/scale`,
    async (req, res) => {
      const { credentials, entityRef, target, vcenter } = await resolve(req);
      const { replicas } = parse(scaleBodySchema, req.body, 'body');
      const { cluster, nodePool } = req.params;
      const audit = await auditor.createEvent({
        eventId: 'nodepool-scale',
        severityLevel: 'medium',
        request: req,
        meta: {
          entityRef,
          namespace: target.namespace,
          cluster,
          nodePool,
          replicas,
        },
      });
      try {
        if (
          !(await isAllowed(
            vsphereNodePoolScalePermission,
            entityRef,
            credentials,
          ))
        ) {
          throw new NotAllowedError(
            `Not allowed to scale node pools of ${entityRef}`,
          );
        }
        const result = await clients
          .supervisor(vcenter.name)
          .scaleNodePool(target.namespace, cluster, nodePool, replicas);
        await inventory.invalidateNamespace({
          vcenter: vcenter.name,
          namespace: target.namespace,
        });
        await audit.success();
        res.json({ cluster: result });
      } catch (error) {
        await audit.fail({ error: error as Error });
        throw error;
      }
    },
  );

  router.post(`${entityPath}/vms/:vm/power`, async (req, res) => {
    const { credentials, entityRef, target, vcenter } = await resolve(req);
    const { action } = parse(powerBodySchema, req.body, 'body');
    const { vm } = req.params;
    const audit = await auditor.createEvent({
      eventId: 'vm-power',
      severityLevel: 'medium',
      request: req,
      meta: { entityRef, namespace: target.namespace, vm, action },
    });
    try {
      if (
        !(await isAllowed(vsphereVmPowerPermission, entityRef, credentials))
      ) {
        throw new NotAllowedError(`Not allowed to power VMs of ${entityRef}`);
      }
      const supervisor = clients.supervisor(vcenter.name);
      if (action === 'restart') {
        await supervisor.setVirtualMachinePowerState(
          target.namespace,
          vm,
          'PoweredOff',
        );
      }
      const result = await supervisor.setVirtualMachinePowerState(
        target.namespace,
        vm,
        action === 'off' ? 'PoweredOff' : 'PoweredOn',
      );
      await inventory.invalidateNamespace({
        vcenter: vcenter.name,
        namespace: target.namespace,
      });
      await audit.success();
      res.json({ vm: result });
    } catch (error) {
      await audit.fail({ error: error as Error });
      throw error;
    }
  });

  return router;
}
