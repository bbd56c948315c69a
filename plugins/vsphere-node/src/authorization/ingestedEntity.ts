import { ANNOTATION_LOCATION, Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CLUSTER,
  ANNOTATION_SUPERVISOR_NAMESPACE,
  ANNOTATION_VCENTER,
  ANNOTATION_VM,
} from '@backstage-vsphere/plugin-vsphere-common';
import { VsphereObjectIdentity } from '../catalog';

/**
 * Where the catalog module's entities of a vCenter come from; a catalog-info file cannot claim it.
 * @public
 */
export function ingestedLocation(vcenterUrl: string): string {
  return `url:${vcenterUrl}`;
}

/** The entity `spec.type` the catalog module gives each kind of object. */
const ENTITY_TYPES: Record<VsphereObjectIdentity['kind'], string> = {
  supervisor: 'vsphere-supervisor',
  namespace: 'vsphere-namespace',
  vm: 'virtual-machine',
  cluster: 'kubernetes-cluster',
  'vcenter-vm': 'virtual-machine',
};

/**
 * True when `entity` is the one the catalog module ingested from vCenter for exactly this object:
 * its location is the vCenter, and its annotations name the same vCenter, namespace and object.
 * Anything else (a catalog-info file that took the name first, a stale entity) is not trusted
 * to say who owns the object.
 * @public
 */
export function isIngestedEntityOf(
  entity: Entity,
  object: VsphereObjectIdentity,
  vcenterUrl: string,
): boolean {
  const annotations = entity.metadata.annotations ?? {};
  if (
    entity.kind.toLocaleLowerCase('en-US') !== 'resource' ||
    entity.spec?.type !== ENTITY_TYPES[object.kind] ||
    annotations[ANNOTATION_LOCATION] !== ingestedLocation(vcenterUrl) ||
    annotations[ANNOTATION_VCENTER] !== object.vcenter
  ) {
    return false;
  }
  switch (object.kind) {
    case 'namespace':
      return annotations[ANNOTATION_SUPERVISOR_NAMESPACE] === object.namespace;
    case 'vm':
      return (
        annotations[ANNOTATION_SUPERVISOR_NAMESPACE] === object.namespace &&
        annotations[ANNOTATION_VM] === object.name
      );
    case 'cluster':
      return (
        annotations[ANNOTATION_SUPERVISOR_NAMESPACE] === object.namespace &&
        annotations[ANNOTATION_CLUSTER] === object.name
      );
    default:
      return false;
  }
}

/** How an object is named in messages: `cluster 'tkg' in namespace 'demo'`. */
export function describeObject(object: VsphereObjectIdentity): string {
  switch (object.kind) {
    case 'namespace':
      return `Supervisor namespace '${object.namespace}'`;
    case 'vm':
      return `VM '${object.name}' in namespace '${object.namespace}'`;
    case 'cluster':
      return `cluster '${object.name}' in namespace '${object.namespace}'`;
    case 'supervisor':
      return `Supervisor '${object.supervisor}'`;
    default:
      return `vCenter VM '${object.moref}'`;
  }
}
