import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_CLUSTER,
  ANNOTATION_SUPERVISOR,
  ANNOTATION_SUPERVISOR_NAMESPACE,
  ANNOTATION_VCENTER,
  ANNOTATION_VM,
  ANNOTATION_VM_SELECTOR,
  getVsphereEntityTarget,
  VsphereEntityTarget,
} from '@backstage-vsphere/plugin-vsphere-common';
import {
  checkDnsLabel,
  checkDnsSubdomain,
  chooseVCenter,
  checkLabelSelector,
  VCenterConfig,
} from '@backstage-vsphere/plugin-vsphere-node';
import { OverviewTarget } from '../inventory/VsphereInventory';

/** A catalog entity and the vCenter, Supervisor and namespace its annotations point at. */
export interface ResolvedEntityTarget {
  entity: Entity;
  entityRef: string;
  target: VsphereEntityTarget;
  vcenter: VCenterConfig;
  /** The configured name of the Supervisor: the annotated one, or the vCenter's only one. */
  supervisor: string;
}

/** Where a resolved page's overview reads from: one mapping for the routes, insights and actions. */
export function overviewTargetOf(page: ResolvedEntityTarget): OverviewTarget {
  return {
    entityRef: page.entityRef,
    vcenter: page.vcenter.name,
    supervisor: page.supervisor,
    namespace: page.target.namespace,
    vmSelector: page.target.vmSelector,
    cluster: page.target.cluster,
    vm: page.target.vm,
  };
}

/** Picks the annotated vCenter, or the only one when the annotation is omitted. */
export function pickVCenter(
  vcenters: VCenterConfig[],
  name: string | undefined,
): VCenterConfig {
  return chooseVCenter(vcenters, name, {
    notConfigured: (named, configured) =>
      `Annotation ${ANNOTATION_VCENTER} names vCenter '${named}', which is not configured; configured vCenters: ${configured}`,
    nameRequired: (count, configured) =>
      `Annotation ${ANNOTATION_VCENTER} is required when ${count} vCenters are configured; configured vCenters: ${configured}`,
  });
}

/** Picks the annotated Supervisor of the vCenter, or its only one when the annotation is omitted. */
export function pickSupervisor(
  vcenter: VCenterConfig,
  name: string | undefined,
): string {
  const configured = vcenter.supervisors;
  const names = configured.map(s => s.name).join(', ') || 'none';
  if (name) {
    if (!configured.some(s => s.name === name)) {
      throw new InputError(
        `Annotation ${ANNOTATION_SUPERVISOR} names Supervisor '${name}', which is not configured for vCenter '${vcenter.name}'; configured Supervisors: ${names}`,
      );
    }
    return name;
  }
  if (configured.length !== 1) {
    throw new InputError(
      `Annotation ${ANNOTATION_SUPERVISOR} is required when vCenter '${vcenter.name}' has ${configured.length} Supervisors; configured Supervisors: ${names}`,
    );
  }
  return configured[0].name;
}

/**
 * Every annotation value that becomes part of an upstream request is checked as what it is,
 * so '..', '/' or an encoded form in a catalog-info file never reaches vCenter or a Supervisor.
 */
function checkTargetAnnotations(
  entityRef: string,
  target: VsphereEntityTarget,
) {
  const field = (key: string) => `${entityRef} annotation ${key}`;
  checkDnsLabel(field(ANNOTATION_SUPERVISOR_NAMESPACE), target.namespace);
  if (target.cluster !== undefined) {
    checkDnsLabel(field(ANNOTATION_CLUSTER), target.cluster);
  }
  if (target.vm !== undefined) {
    checkDnsSubdomain(field(ANNOTATION_VM), target.vm);
  }
  if (target.vmSelector !== undefined) {
    checkLabelSelector(field(ANNOTATION_VM_SELECTOR), target.vmSelector);
  }
}

/** Looks up the entity in the catalog as the caller and reads its vSphere annotations. */
export async function resolveEntityTarget(options: {
  catalog: CatalogService;
  vcenters: VCenterConfig[];
  entityRef: { kind: string; namespace: string; name: string };
  credentials: BackstageCredentials;
}): Promise<ResolvedEntityTarget> {
  const entityRef = stringifyEntityRef(options.entityRef);
  const entity = await options.catalog.getEntityByRef(entityRef, {
    credentials: options.credentials,
  });
  if (!entity) {
    throw new NotFoundError(`Entity ${entityRef} was not found in the catalog`);
  }
  return entityTargetOf(entity, options.vcenters, entityRef);
}

/** Reads an entity's vSphere annotations, for a caller that has read the entity already. */
export function entityTargetOf(
  entity: Entity,
  vcenters: VCenterConfig[],
  entityRef: string,
): ResolvedEntityTarget {
  const target = getVsphereEntityTarget(entity);
  if (!target) {
    throw new InputError(
      `Entity ${entityRef} has no ${ANNOTATION_SUPERVISOR_NAMESPACE} annotation`,
    );
  }
  checkTargetAnnotations(entityRef, target);
  const vcenter = pickVCenter(vcenters, target.vcenter);
  return {
    entity,
    entityRef,
    target,
    vcenter,
    supervisor: pickSupervisor(vcenter, target.supervisor),
  };
}
