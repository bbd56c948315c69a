import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CLUSTER,
  ANNOTATION_SUPERVISOR_NAMESPACE,
  ANNOTATION_VM,
} from '@backstage-vsphere/plugin-vsphere-common';

/** A Resource of the given spec.type carrying the given annotation, compared like the catalog does. */
function isResource(entity: Entity, type: string, annotation: string): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    String(entity.spec?.type ?? '').toLocaleLowerCase('en-US') === type &&
    Boolean(entity.metadata.annotations?.[annotation]?.trim())
  );
}

/**
 * True for the provider's `vsphere-namespace` Resources; use with `EntitySwitch.Case`.
 * @public
 */
export function isVsphereNamespaceResource(entity: Entity): boolean {
  return isResource(
    entity,
    'vsphere-namespace',
    ANNOTATION_SUPERVISOR_NAMESPACE,
  );
}

/**
 * True for the provider's `virtual-machine` Resources; use with `EntitySwitch.Case`.
 * @public
 */
export function isVsphereVmResource(entity: Entity): boolean {
  return isResource(entity, 'virtual-machine', ANNOTATION_VM);
}

/**
 * True for the provider's `kubernetes-cluster` Resources; use with `EntitySwitch.Case`.
 * @public
 */
export function isVsphereClusterResource(entity: Entity): boolean {
  return isResource(entity, 'kubernetes-cluster', ANNOTATION_CLUSTER);
}
