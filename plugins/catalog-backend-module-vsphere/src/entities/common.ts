import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  EntityLink,
} from '@backstage/catalog-model';
import { ANNOTATION_VCENTER } from '@backstage-vsphere/plugin-vsphere-common';
import {
  ingestedLocation,
  namespaceClientUrl,
  VCenterConfig,
  VsphereObjectIdentity,
  vsphereEntityName,
} from '@backstage-vsphere/plugin-vsphere-node';
import { JsonObject } from '@backstage/types';
import { VsphereCatalogConfig } from '../config';

/**
 * What every entity builder needs besides its object.
 * @public
 */
export interface EntityContext {
  vcenter: Pick<VCenterConfig, 'name' | 'url' | 'clientBaseUrl'>;
  config: VsphereCatalogConfig;
  /** How many vCenters are configured: with several, names begin with the vCenter's. */
  vcenterCount: number;
  /** Says why something was left out of an entity, for the operator. */
  warn?: (message: string) => void;
}

/** An object of this vCenter, as {@link vsphereEntityName} takes it. */
export type ObjectOfVcenter = VsphereObjectIdentity extends infer T
  ? T extends VsphereObjectIdentity
    ? Omit<T, 'vcenter'>
    : never
  : never;

/** The entity name of an object of this vCenter: the one rule the scaffolder actions share. */
export function nameOf(
  context: EntityContext,
  object: ObjectOfVcenter,
): string {
  return vsphereEntityName(
    { ...object, vcenter: context.vcenter.name } as VsphereObjectIdentity,
    context.vcenterCount,
  );
}

export function resourceRef(name: string): string {
  return `resource:default/${name}`;
}

/** Where the entity comes from, and which vCenter, on every entity. */
export function baseAnnotations(
  context: EntityContext,
): Record<string, string> {
  // the change authorizer trusts an entity only with this location
  const location = ingestedLocation(context.vcenter.url);
  return {
    [ANNOTATION_LOCATION]: location,
    [ANNOTATION_ORIGIN_LOCATION]: location,
    [ANNOTATION_VCENTER]: context.vcenter.name,
  };
}

/** The namespace's page in the vSphere Client, where its VMs and clusters are listed too. */
export function namespaceLink(
  context: EntityContext,
  namespace: string,
): EntityLink {
  return {
    url: namespaceClientUrl(context.vcenter, namespace),
    title: 'Namespace in the vSphere Client',
    icon: 'dashboard',
  };
}

/** Object pages need the vCenter's instance UUID in the URL, which is not read; search finds the object. */
export function searchLink(context: EntityContext, name: string): EntityLink {
  return {
    url: `${
      context.vcenter.clientBaseUrl
    }/app/search?query=${encodeURIComponent(name)}`,
    title: 'Find in the vSphere Client',
    icon: 'search',
  };
}

/** A Resource entity; optional spec fields are left out rather than set to undefined. */
export function resourceEntity(
  metadata: {
    name: string;
    title: string;
    description: string;
    annotations: Record<string, string>;
    tags: string[];
    links: EntityLink[];
  },
  spec: {
    type: string;
    owner: string;
    dependsOn?: string[];
    system?: string;
  } & JsonObject,
): Entity {
  const cleanSpec: JsonObject = {};
  for (const [key, value] of Object.entries(spec)) {
    if (value !== undefined) cleanSpec[key] = value;
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { namespace: 'default', ...metadata },
    spec: cleanSpec,
  };
}
