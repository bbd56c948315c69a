import { CoreV1Api } from '@kubernetes/client-node';
import { KubeObject, arrayAt } from './objects';
import { ResourceDescriptor } from './resources';
import { CallOptions } from './transport';

/** One page of a list, with what is needed to ask for the next. */
export interface ListPage {
  items: KubeObject[];
  continueToken?: string;
  resourceVersion?: string;
}

/** The query of one list page. */
export interface PageQuery {
  labelSelector?: string;
  fieldSelector?: string;
  limit: number;
  _continue?: string;
}

type CoreList = {
  items: unknown[];
  metadata?: { _continue?: string; resourceVersion?: string };
};

/** The library's typed core models hold Dates and class instances; callers get plain JSON. */
function plain(item: unknown, resource: ResourceDescriptor): KubeObject {
  const object = JSON.parse(JSON.stringify(item)) as KubeObject;
  object.apiVersion ??= 'v1';
  object.kind ??= resource.kind;
  if (resource.kind === 'LimitRange') {
    // the typed model calls `default` `_default` (a reserved word); watches deliver the wire name
    for (const limit of arrayAt(object, 'spec', 'limits')) {
      const entry = limit as Record<string, unknown>;
      if ('_default' in entry) {
        entry.default = entry._default;
        delete entry._default;
      }
    }
  }
  return object;
}

/** A list page of a core/v1 resource (Namespace, ResourceQuota, LimitRange, Event). */
export async function listCorePage(
  core: CoreV1Api,
  resource: ResourceDescriptor,
  query: PageQuery,
  namespace: string | undefined,
  options: CallOptions,
): Promise<ListPage> {
  let list: CoreList;
  if (resource.kind === 'Namespace') {
    list = await core.listNamespace(query, options);
  } else if (resource.kind === 'ResourceQuota') {
    list = namespace
      ? await core.listNamespacedResourceQuota({ ...query, namespace }, options)
      : await core.listResourceQuotaForAllNamespaces(query, options);
  } else if (resource.kind === 'LimitRange') {
    list = namespace
      ? await core.listNamespacedLimitRange({ ...query, namespace }, options)
      : await core.listLimitRangeForAllNamespaces(query, options);
  } else {
    list = namespace
      ? await core.listNamespacedEvent({ ...query, namespace }, options)
      : await core.listEventForAllNamespaces(query, options);
  }
  return {
    items: list.items.map(i => plain(i, resource)),
    continueToken: list.metadata?._continue,
    resourceVersion: list.metadata?.resourceVersion,
  };
}

/** One core/v1 object. */
export async function getCoreObject(
  core: CoreV1Api,
  resource: ResourceDescriptor,
  name: string,
  namespace: string | undefined,
  options: CallOptions,
): Promise<KubeObject> {
  if (resource.kind === 'Namespace') {
    return plain(await core.readNamespace({ name }, options), resource);
  }
  const params = { name, namespace: namespace ?? '' };
  if (resource.kind === 'ResourceQuota') {
    return plain(
      await core.readNamespacedResourceQuota(params, options),
      resource,
    );
  }
  if (resource.kind === 'LimitRange') {
    return plain(
      await core.readNamespacedLimitRange(params, options),
      resource,
    );
  }
  return plain(await core.readNamespacedEvent(params, options), resource);
}
