import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  MAX_NODE_POOL_REPLICAS,
  PickerKind,
  VCenterSummary,
} from '@backstage-vsphere/plugin-vsphere-common';
import {
  checkDnsLabel,
  checkDnsSubdomain,
  VCenterConfig,
  VsphereChangeAuthorizer,
  VsphereClients,
} from '@backstage-vsphere/plugin-vsphere-node';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod/v3';
import { VsphereInventory } from './inventory/VsphereInventory';
import { VsphereEntityService } from './service/VsphereEntityService';
import { sendOverview } from './service/sendOverview';

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
  'kubernetes-versions',
  'zones',
];

const dnsLabel = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, {
    message:
      "not a DNS-1123 label: use lower-case letters, digits and '-', starting and ending with a letter or digit",
  });
// Kubernetes object names such as ClusterClass `builtin-generic-v3.4.0` may have dots
const dnsSubdomain = z
  .string()
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, {
    message:
      "not a DNS-1123 subdomain: use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit",
  });
const optionsQuerySchema = z.object({
  vcenter: dnsLabel.optional(),
  supervisor: dnsLabel.optional(),
  namespace: dnsLabel.optional(),
  cluster: dnsLabel.optional(),
  clusterClass: dnsSubdomain.optional(),
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
  /** The routes' logic, shared with the registry actions; built from the above when unset. */
  service?: VsphereEntityService;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, clients } = options;
  const service = options.service ?? new VsphereEntityService(options);
  const router = Router();
  router.use(express.json());

  /** The page entity as the caller sees it, with its annotations checked. */
  async function resolvePage(req: Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    return service.resolvePage(
      {
        kind: req.params.kind,
        namespace: req.params.namespace,
        name: req.params.name,
      },
      credentials,
    );
  }

  const callerOf = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.get('/vcenters', async (req, res) => {
    await service.requireOptionsRead(await callerOf(req));
    res.json({ items: clients.configs.map(toVCenterSummary) });
  });

  router.get('/options/:kind', async (req, res) => {
    await service.requireOptionsRead(await callerOf(req));
    const kind = parse(z.enum(PICKER_KINDS), req.params.kind, 'kind');
    const query = parse(optionsQuerySchema, req.query, 'query');
    res.json({ items: await service.listOptions(kind, query) });
  });

  const entityPath = '/entities/:namespace/:kind/:name';

  router.get(`${entityPath}/overview`, async (req, res) => {
    const { kind, namespace, name } = req.params;
    sendOverview(
      res,
      await service.repeatedOverviewParts(
        { kind, namespace, name },
        await callerOf(req),
      ),
    );
  });

  router.post(
    `${entityPath}/clusters/:cluster/nodepools/:nodePool/scale`,
    async (req, res) => {
      const cluster = checkDnsLabel('cluster', req.params.cluster);
      const nodePool = checkDnsLabel('nodePool', req.params.nodePool);
      const { replicas } = parse(scaleBodySchema, req.body, 'body');
      const page = await resolvePage(req);
      const result = await service.scaleNodePool(
        page,
        { cluster, nodePool, replicas },
        { request: req },
      );
      res.json({ cluster: result });
    },
  );

  router.post(`${entityPath}/vms/:vm/power`, async (req, res) => {
    const vm = checkDnsSubdomain('vm', req.params.vm);
    const { action } = parse(powerBodySchema, req.body, 'body');
    const page = await resolvePage(req);
    const result = await service.powerVm(
      page,
      { vm, action },
      { request: req },
    );
    res.json({ vm: result });
  });

  return router;
}
