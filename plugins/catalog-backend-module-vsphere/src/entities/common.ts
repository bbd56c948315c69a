import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  EntityLink,
} from '@backstage/catalog-model';
import { ANNOTATION_VCENTER } from '@backstage-vsphere/plugin-vsphere-common';
import {
  namespaceClientUrl,
  VCenterConfig,
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
  /** Entity names by identity, from {@link assignNames}. */
  names: Map<string, string>;
}

export function nameOf(context: EntityContext, identity: string): string {
  const name = context.names.get(identity);
  if (!name) {
    throw new Error(`No entity name was assigned to ${identity}`);
  }
  return name;
}

export function resourceRef(name: string): string {
  return `resource:default/${name}`;
}

/** Where the entity comes from, and which vCenter, on every entity. */
export function baseAnnotations(
  context: EntityContext,
): Record<string, string> {
  const location = `url:${context.vcenter.url}`;
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
