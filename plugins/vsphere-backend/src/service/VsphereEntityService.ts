import crypto from 'node:crypto';
import {
  AuditorService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  EntityOverview,
  PickerKind,
  VmPowerAction,
  vsphereEntityReadPermission,
  vsphereNodePoolScalePermission,
  vsphereOptionsReadPermission,
  vsphereVmPowerPermission,
} from '@backstage-vsphere/plugin-vsphere-common';
import {
  ChangedObject,
  checkDnsLabel,
  checkDnsSubdomain,
  chooseVCenter,
  VsphereChangeAuthorizer,
  VsphereClients,
} from '@backstage-vsphere/plugin-vsphere-node';
import { Request } from 'express';
import { OptionsQuery, VsphereInventory } from '../inventory/VsphereInventory';
import {
  overviewTargetOf,
  ResolvedEntityTarget,
  resolveEntityTarget,
} from './resolveEntityTarget';
import { CallerPageAccess } from './CallerPageAccess';
import { callerOf } from './callerOf';
import {
  checkAnnotationsSelect,
  checkOverviewShows,
  SelectedObject,
} from './selection';

/** A catalog entity whose vSphere objects a caller asks for, with the caller's credentials. */
export type EntityPage = ResolvedEntityTarget & {
  credentials: BackstageCredentials;
};

/** A page's view, shared by every caller, and what one caller may change there. */
export interface OverviewParts {
  view: Omit<EntityOverview, 'allowed'>;
  allowed: EntityOverview['allowed'];
}

// the objects a view has buttons for: a status change keeps them, so it needs no new decision
const buttonKeys = new WeakMap<OverviewParts['view'], string>();
function buttonsKeyOf(view: OverviewParts['view']): string {
  let key = buttonKeys.get(view);
  if (key === undefined) {
    const names = JSON.stringify([
      view.clusters.map(c => c.name),
      view.vms.filter(vm => !vm.clusterNode).map(vm => vm.name),
    ]);
    key = crypto.createHash('sha1').update(names).digest('base64url');
    buttonKeys.set(view, key);
  }
  return key;
}

/** Who asked for a change: the HTTP request (routes) or only the credentials (registry actions). */
export interface ChangeOrigin {
  request?: Request;
}

/**
 * What the routes and the registry actions do, behind the same permission checks, authorizer
 * and audit events: one place, so an AI agent and the vSphere tab are held to the same rules.
 */
export class VsphereEntityService {
  constructor(
    private readonly options: {
      permissions: PermissionsService;
      auditor: AuditorService;
      catalog: CatalogService;
      clients: VsphereClients;
      inventory: VsphereInventory;
      authorizer: VsphereChangeAuthorizer;
      /** Repeated views of a page by one caller; unset, each view is checked afresh. */
      pageAccess?: CallerPageAccess;
    },
  ) {}

  /** The page entity as the caller sees it, with its annotations checked. */
  async resolvePage(
    entityRef: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntityPage> {
    const resolved = await resolveEntityTarget({
      catalog: this.options.catalog,
      vcenters: this.options.clients.configs,
      entityRef,
      credentials,
    });
    return { credentials, ...resolved };
  }

  /** `kind:namespace/name` as a page; the kind is required, the namespace defaults. */
  parseEntityRef(ref: string): CompoundEntityRef {
    try {
      return parseEntityRef(ref);
    } catch (error) {
      throw new InputError(
        `entityRef: '${ref}' is not an entity ref; use kind:namespace/name, e.g. component:default/payments`,
      );
    }
  }

  /** The page of a Supervisor namespace's own ingested entity. */
  async resolveNamespacePage(
    target: { vcenter?: string; namespace: string },
    credentials: BackstageCredentials,
  ): Promise<EntityPage> {
    const { configs } = this.options.clients;
    const namespace = checkDnsLabel('namespace', target.namespace);
    // an unknown name gets the same answer as a missing one, as this route always gave
    const nameOne = (_: unknown, configured: string) =>
      `vcenter: name one of the configured vCenters: ${configured}`;
    const vcenter = chooseVCenter(configs, target.vcenter, {
      notConfigured: nameOne,
      nameRequired: nameOne,
    }).name;
    const ref = this.options.authorizer.entityRefOf({
      kind: 'namespace',
      vcenter,
      namespace,
    });
    return this.resolvePage(parseEntityRef(ref), credentials);
  }

  async requireRead(page: EntityPage) {
    await this.requireEntityRead(page.entityRef, page.credentials);
  }

  /** The read check of an entity's vSphere views, for routes that have no page to resolve. */
  async requireEntityRead(
    entityRef: string,
    credentials: BackstageCredentials,
  ) {
    const [decision] = await this.options.permissions.authorize(
      [{ permission: vsphereEntityReadPermission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed to view the vSphere resources of ${entityRef}`,
      );
    }
  }

  async requireOptionsRead(credentials: BackstageCredentials) {
    const [decision] = await this.options.permissions.authorize(
      [{ permission: vsphereOptionsReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('Not allowed to list vSphere options');
    }
  }

  /** What the caller's page shows, without the read check (callers check first). */
  private overviewOf(page: EntityPage) {
    return this.options.inventory.getEntityOverview(overviewTargetOf(page));
  }

  /** The overview of a page with what the caller may change there. */
  async overview(page: EntityPage): Promise<EntityOverview> {
    const { view, allowed } = await this.overviewParts(page);
    return { ...view, allowed };
  }

  /**
   * The page's view, shared by every caller until its namespace changes, and what this caller
   * may change there: the route sends the shared part as serialized once.
   */
  async overviewParts(page: EntityPage): Promise<OverviewParts> {
    await this.requireRead(page);
    const view = await this.overviewOf(page);
    return { view, allowed: await this.allowedOn(page, view) };
  }

  /**
   * The page, resolved and checked for reading: one catalog read and one decision per caller
   * for a few seconds when `pageAccess` is set (see CallerPageAccess), else each time.
   */
  async readablePage(
    entityRef: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntityPage> {
    const resolve = async () => {
      const resolved = await this.resolvePage(entityRef, credentials);
      await this.requireRead(resolved);
      return resolved;
    };
    const { pageAccess } = this.options;
    if (!pageAccess) return resolve();
    const readable = await pageAccess.remember(
      credentials,
      `page:${stringifyEntityRef(entityRef)}`,
      resolve,
    );
    // the first caller's credentials stay with that answer; this view goes on with its own
    return { ...readable, credentials };
  }

  /**
   * `overviewParts` of the page a caller views again and again: its entity, read decision and
   * buttons are reused for a few seconds per caller (see CallerPageAccess); the view is current.
   */
  async repeatedOverviewParts(
    entityRef: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<OverviewParts> {
    const { pageAccess } = this.options;
    if (!pageAccess) {
      return this.overviewParts(await this.resolvePage(entityRef, credentials));
    }
    const page = await this.readablePage(entityRef, credentials);
    const ref = page.entityRef;
    const view = await this.overviewOf(page);
    const allowed = await pageAccess.remember(
      credentials,
      `allowed:${ref}:${buttonsKeyOf(view)}`,
      () => this.allowedOn(page, view),
    );
    return { view, allowed };
  }

  /** One catalog read and one permission batch for every button of the page. */
  private async allowedOn(
    page: EntityPage,
    view: OverviewParts['view'],
  ): Promise<EntityOverview['allowed']> {
    const clusters = view.clusters.map(c => c.name);
    const vms = view.vms.filter(vm => !vm.clusterNode).map(vm => vm.name);
    const decisions = await this.options.authorizer.allowedEach(
      [
        ...clusters.map(name => ({
          object: this.objectOf(page, { kind: 'cluster', name, nodePool: '' }),
          permission: vsphereNodePoolScalePermission,
        })),
        ...vms.map(name => ({
          object: this.objectOf(page, { kind: 'vm', name }),
          permission: vsphereVmPowerPermission,
        })),
      ],
      page.credentials,
    );
    return {
      scaleClusters: clusters.filter((_, i) => decisions[i]),
      powerVms: vms.filter((_, i) => decisions[clusters.length + i]),
    };
  }

  /** A picker's options; callers check `requireOptionsRead` first, before parsing the query. */
  listOptions(kind: PickerKind, query: OptionsQuery) {
    return this.options.inventory.listOptions(kind, query);
  }

  private objectOf(
    page: EntityPage,
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
  private async authorizeChange(
    page: EntityPage,
    selected: SelectedObject,
    permission: ResourcePermission<'catalog-entity'>,
    what: string,
  ) {
    await this.requireRead(page);
    checkAnnotationsSelect(page, selected);
    const object = this.objectOf(page, selected);
    const { entityRef } = await this.options.authorizer.authorize({
      object,
      permission,
      credentials: page.credentials,
      what,
    });
    checkOverviewShows(page, await this.overviewOf(page), selected);
    return entityRef;
  }

  /** Runs a change inside its audit event; the registry actions name their caller in meta. */
  private async audited<T>(
    origin: ChangeOrigin,
    page: EntityPage,
    event: { eventId: string; meta: Record<string, string | number> },
    change: () => Promise<{ objectRef: string; result: T }>,
  ): Promise<T> {
    const audit = await this.options.auditor.createEvent({
      eventId: event.eventId,
      severityLevel: 'medium',
      ...(origin.request ? { request: origin.request } : {}),
      meta: {
        ...(origin.request ? {} : { actor: actorOf(page.credentials) }),
        entityRef: page.entityRef,
        namespace: page.target.namespace,
        ...event.meta,
      },
    });
    try {
      const { objectRef, result } = await change();
      await audit.success({ meta: { objectRef } });
      return result;
    } catch (error) {
      await audit.fail({ error: error as Error });
      throw error;
    }
  }

  async scaleNodePool(
    page: EntityPage,
    change: { cluster: string; nodePool: string; replicas: number },
    origin: ChangeOrigin = {},
  ) {
    const cluster = checkDnsLabel('cluster', change.cluster);
    const nodePool = checkDnsLabel('nodePool', change.nodePool);
    const { replicas } = change;
    return this.audited(
      origin,
      page,
      { eventId: 'nodepool-scale', meta: { cluster, nodePool, replicas } },
      async () => {
        const objectRef = await this.authorizeChange(
          page,
          { kind: 'cluster', name: cluster, nodePool },
          vsphereNodePoolScalePermission,
          `scale node pool '${nodePool}' of cluster '${cluster}'`,
        );
        const result = await this.options.clients
          .supervisor(page.vcenter.name, page.supervisor)
          .scaleNodePool(page.target.namespace, cluster, nodePool, replicas);
        await this.options.inventory.invalidateNamespace({
          vcenter: page.vcenter.name,
          namespace: page.target.namespace,
        });
        return { objectRef, result };
      },
    );
  }

  async powerVm(
    page: EntityPage,
    change: { vm: string; action: VmPowerAction },
    origin: ChangeOrigin = {},
  ) {
    const vm = checkDnsSubdomain('vm', change.vm);
    const { action } = change;
    return this.audited(
      origin,
      page,
      { eventId: 'vm-power', meta: { vm, action } },
      async () => {
        const objectRef = await this.authorizeChange(
          page,
          { kind: 'vm', name: vm },
          vsphereVmPowerPermission,
          `power ${action} VM '${vm}'`,
        );
        const supervisor = this.options.clients.supervisor(
          page.vcenter.name,
          page.supervisor,
        );
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
        await this.options.inventory.invalidateNamespace({
          vcenter: page.vcenter.name,
          namespace,
        });
        return { objectRef, result };
      },
    );
  }
}

/** A user entity ref or a service subject, for audit events without a request. */
function actorOf(credentials: BackstageCredentials): string {
  const { type, name } = callerOf(credentials);
  return name ?? type;
}
