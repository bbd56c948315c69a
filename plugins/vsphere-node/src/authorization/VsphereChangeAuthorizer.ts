import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { VsphereObjectIdentity, vsphereEntityRef } from '../catalog';
import { VCenterConfig } from '../config';
import { describeObject, isIngestedEntityOf } from './ingestedEntity';

/**
 * The object a change is authorized on: a Supervisor namespace, VM or cluster.
 * @public
 */
export type ChangedObject = Extract<
  VsphereObjectIdentity,
  { kind: 'namespace' | 'vm' | 'cluster' }
>;

/**
 * Options of {@link VsphereChangeAuthorizer.authorize}.
 * @public
 */
export interface AuthorizeChangeOptions {
  object: ChangedObject;
  permission: ResourcePermission<'catalog-entity'>;
  /** The caller's own credentials: the catalog read and the decision are theirs. */
  credentials: BackstageCredentials;
  /** What is refused, e.g. `scale node pool 'workers' of cluster 'tkg'`. */
  what: string;
}

/**
 * Authorizes every change on the catalog entity that the catalog module ingested for the exact
 * object changed, whose owner comes from vCenter; never on the entity of the page it was asked
 * from. Shared by the backend's day-2 routes and the scaffolder actions.
 * @public
 */
export class VsphereChangeAuthorizer {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      permissions: PermissionsService;
      vcenters: VCenterConfig[];
    },
  ) {}

  /** The catalog ref of an object, by the one naming rule the catalog module uses. */
  entityRefOf(object: VsphereObjectIdentity): string {
    return vsphereEntityRef(object, this.options.vcenters.length);
  }

  /**
   * Resolves when the permission policy allows the caller `permission` on the object's ingested
   * entity; otherwise NotAllowedError saying why, before anything upstream is touched.
   */
  async authorize(
    options: AuthorizeChangeOptions,
  ): Promise<{ entityRef: string; entity: Entity }> {
    const { object, permission, credentials, what } = options;
    const entityRef = this.entityRefOf(object);
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotAllowedError(
        `Not allowed to ${what}: ${describeObject(
          object,
        )} has no catalog entity (${entityRef}) yet, so its owner is unknown; the catalog module adds it from vCenter within its refresh interval, try again then`,
      );
    }
    if (!isIngestedEntityOf(entity, object, this.vcenterUrl(object))) {
      throw new NotAllowedError(
        `Not allowed to ${what}: ${entityRef} is not the entity the catalog module ingested from vCenter '${
          object.vcenter
        }' for ${describeObject(object)}`,
      );
    }
    const [decision] = await this.options.permissions.authorize(
      [{ permission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed to ${what}: the permission policy denies '${permission.name}' on ${entityRef}`,
      );
    }
    return { entityRef, entity };
  }

  /**
   * Of `objects`, those the caller may change with `permission`, checked in one catalog read and
   * one permission request, so a page shows only the buttons that would be allowed.
   */
  async allowedOf<T extends ChangedObject>(
    objects: T[],
    permission: ResourcePermission<'catalog-entity'>,
    credentials: BackstageCredentials,
  ): Promise<T[]> {
    const allowed = await this.allowedEach(
      objects.map(object => ({ object, permission })),
      credentials,
    );
    return objects.filter((_, i) => allowed[i]);
  }

  /**
   * Whether each change would be allowed, for a page's buttons: one catalog read and one
   * permission batch for all of them, whatever the number of objects and permissions.
   */
  async allowedEach(
    checks: {
      object: ChangedObject;
      permission: ResourcePermission<'catalog-entity'>;
    }[],
    credentials: BackstageCredentials,
  ): Promise<boolean[]> {
    const allowed = checks.map(() => false);
    if (checks.length === 0) {
      return allowed;
    }
    const refs = checks.map(c => this.entityRefOf(c.object));
    const { items } = await this.options.catalog.getEntitiesByRefs(
      { entityRefs: [...new Set(refs)] },
      { credentials },
    );
    const byRef = new Map(
      [...new Set(refs)].map((ref, i) => [ref, items[i]] as const),
    );
    const ingested = checks.flatMap((check, i) => {
      const entity = byRef.get(refs[i]);
      return entity &&
        isIngestedEntityOf(entity, check.object, this.vcenterUrl(check.object))
        ? [i]
        : [];
    });
    if (ingested.length === 0) {
      return allowed;
    }
    const decisions = await this.options.permissions.authorize(
      ingested.map(i => ({
        permission: checks[i].permission,
        resourceRef: refs[i],
      })),
      { credentials },
    );
    ingested.forEach((checkIndex, i) => {
      allowed[checkIndex] = decisions[i].result === AuthorizeResult.ALLOW;
    });
    return allowed;
  }

  private vcenterUrl(object: VsphereObjectIdentity): string {
    const config = this.options.vcenters.find(vc => vc.name === object.vcenter);
    if (!config) {
      throw new NotAllowedError(
        `vCenter '${object.vcenter}' is not configured`,
      );
    }
    return config.url;
  }
}
