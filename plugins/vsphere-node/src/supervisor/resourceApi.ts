import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { PatchStrategy } from '@kubernetes/client-node';
import {
  checkDnsLabel,
  checkDnsSubdomain,
  checkLabelSelector,
} from '../validation';
import { ApiVersionCache } from './apiVersions';
import {
  ListPage,
  PageQuery,
  getCoreObject,
  listCorePage,
} from './coreResources';
import { ResourceExpiredError } from './errors';
import { KubeObject, KubeObjectList } from './objects';
import {
  API_GROUP_NAMES,
  RESOURCES,
  ResourceDescriptor,
  SupervisorResource,
  qualifiedResourceName,
} from './resources';
import { CallDescription, CallOptions, SupervisorTransport } from './transport';
import {
  SupervisorWatch,
  SupervisorWatchEvent,
  SupervisorWatchOptions,
  startWatch,
} from './watch';

/**
 * Options of a read.
 * @public
 */
export interface SupervisorReadOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  signal?: AbortSignal;
}

/** The field manager of every write, so `managedFields` show what the plugins own. */
export const FIELD_MANAGER = 'backstage-vsphere';

const PAGE_SIZE = 500;

type CustomList = {
  items?: unknown[];
  metadata?: { continue?: string; resourceVersion?: string };
};

/**
 * Generic list, get, apply, patch, delete and watch over the resources the client knows, in the
 * API version the Supervisor serves.
 */
export class ResourceApi {
  constructor(
    readonly transport: SupervisorTransport,
    private readonly versions: ApiVersionCache,
    private readonly logger: LoggerService,
  ) {}

  /** `group/version` the client uses for a resource, or NotFoundError when the group is not served. */
  async apiVersion(kind: SupervisorResource): Promise<string> {
    const resource = RESOURCES[kind];
    if (resource.apiGroup === 'core') {
      return 'v1';
    }
    const version = (await this.versions.get())[resource.apiGroup];
    if (!version) {
      throw new NotFoundError(
        `Supervisor '${
          this.transport.supervisor
        }' does not serve a supported version of ${
          API_GROUP_NAMES[resource.apiGroup]
        } (needed for ${resource.kind})`,
      );
    }
    return `${API_GROUP_NAMES[resource.apiGroup]}/${version}`;
  }

  /** Whether the Supervisor serves a supported version of the resource's group. */
  async isServed(kind: SupervisorResource): Promise<boolean> {
    const group = RESOURCES[kind].apiGroup;
    return group === 'core' || Boolean((await this.versions.get())[group]);
  }

  /** Like {@link ResourceApi.list}, but empty when the group is not served (e.g. no TanzuKubernetesCluster). */
  async listIfServed(
    kind: SupervisorResource,
    options: SupervisorReadOptions = {},
  ): Promise<KubeObject[]> {
    return (await this.isServed(kind))
      ? (await this.list(kind, options)).items
      : [];
  }

  /** Like {@link ResourceApi.get}, but undefined when the object or its group does not exist. */
  async find(
    kind: SupervisorResource,
    name: string,
    options: { namespace?: string; signal?: AbortSignal } = {},
  ): Promise<KubeObject | undefined> {
    if (!(await this.isServed(kind))) {
      return undefined;
    }
    try {
      return await this.get(kind, name, options);
    } catch (error) {
      if (error instanceof NotFoundError) {
        return undefined;
      }
      throw error;
    }
  }

  private async target(kind: SupervisorResource) {
    const resource = RESOURCES[kind];
    const apiVersion = await this.apiVersion(kind);
    const [group, version] =
      resource.apiGroup === 'core' ? ['', 'v1'] : apiVersion.split('/');
    return { resource, apiVersion, group, version };
  }

  private describe(
    resource: ResourceDescriptor,
    verb: CallDescription['verb'],
    namespace?: string,
    name?: string,
  ): CallDescription {
    // defence in depth: '..', '/' and empty names never reach a Supervisor URL, whatever the caller checked
    if (namespace !== undefined) checkDnsLabel('namespace', namespace);
    if (name !== undefined) checkDnsSubdomain('name', name);
    return {
      verb,
      resource: qualifiedResourceName(resource),
      kind: resource.kind,
      namespace,
      name,
    };
  }

  /** Every object, following `continue` pages; starts over once when a page token expired. */
  async list(
    kind: SupervisorResource,
    options: SupervisorReadOptions = {},
  ): Promise<KubeObjectList> {
    if (options.labelSelector !== undefined) {
      checkLabelSelector('labelSelector', options.labelSelector);
    }
    try {
      return await this.listPages(kind, options);
    } catch (error) {
      if (!(error instanceof ResourceExpiredError)) {
        throw error;
      }
      this.logger.debug(`List of ${kind} expired mid-way, listing again`);
      return this.listPages(kind, options);
    }
  }

  private async listPages(
    kind: SupervisorResource,
    options: SupervisorReadOptions,
  ): Promise<KubeObjectList> {
    const { resource, group, version } = await this.target(kind);
    const items: KubeObject[] = [];
    let continueToken: string | undefined;
    let resourceVersion: string | undefined;
    do {
      const token = continueToken;
      const page = await this.transport.call(
        this.describe(resource, 'list', options.namespace),
        options.signal,
        o => this.listPage(resource, group, version, options, token, o),
      );
      items.push(...page.items);
      continueToken = page.continueToken;
      resourceVersion = page.resourceVersion;
    } while (continueToken);
    return { metadata: { resourceVersion }, items };
  }

  private async listPage(
    resource: ResourceDescriptor,
    group: string,
    version: string,
    options: SupervisorReadOptions,
    continueToken: string | undefined,
    o: CallOptions,
  ): Promise<ListPage> {
    const query: PageQuery = {
      labelSelector: options.labelSelector,
      fieldSelector: options.fieldSelector,
      limit: PAGE_SIZE,
      _continue: continueToken,
    };
    const namespace = options.namespace;
    if (resource.apiGroup === 'core') {
      return listCorePage(this.transport.core, resource, query, namespace, o);
    }
    const params = { ...query, group, version, plural: resource.plural };
    const list: CustomList =
      resource.namespaced && namespace
        ? await this.transport.custom.listNamespacedCustomObject(
            { ...params, namespace },
            o,
          )
        : await this.transport.custom.listClusterCustomObject(params, o);
    return {
      items: (list.items ?? []).map(i => {
        const object = i as KubeObject;
        object.kind ??= resource.kind;
        return object;
      }),
      continueToken: list.metadata?.continue,
      resourceVersion: list.metadata?.resourceVersion,
    };
  }

  async get(
    kind: SupervisorResource,
    name: string,
    options: { namespace?: string; signal?: AbortSignal } = {},
  ): Promise<KubeObject> {
    const { resource, group, version } = await this.target(kind);
    const namespace = resource.namespaced ? options.namespace : undefined;
    return this.transport.call(
      this.describe(resource, 'get', namespace, name),
      options.signal,
      async o => {
        if (resource.apiGroup === 'core') {
          return getCoreObject(
            this.transport.core,
            resource,
            name,
            namespace,
            o,
          );
        }
        const params = { group, version, plural: resource.plural, name };
        return (
          namespace
            ? await this.transport.custom.getNamespacedCustomObject(
                { ...params, namespace },
                o,
              )
            : await this.transport.custom.getClusterCustomObject(params, o)
        ) as KubeObject;
      },
    );
  }

  /** Server-side apply: creates or updates the fields this manager sets. */
  async apply(
    kind: SupervisorResource,
    object: KubeObject,
    options: { force?: boolean; signal?: AbortSignal } = {},
  ): Promise<KubeObject> {
    return this.patch(
      kind,
      object.metadata.namespace!,
      object.metadata.name,
      object,
      { ...options, strategy: PatchStrategy.ServerSideApply },
    );
  }

  /** A JSON merge patch; include `metadata.resourceVersion` to fail with 409 on a stale read. */
  async mergePatch(
    kind: SupervisorResource,
    namespace: string,
    name: string,
    patch: Record<string, unknown>,
    options: { signal?: AbortSignal } = {},
  ): Promise<KubeObject> {
    return this.patch(kind, namespace, name, patch, {
      ...options,
      strategy: PatchStrategy.MergePatch,
    });
  }

  private async patch(
    kind: SupervisorResource,
    namespace: string,
    name: string,
    body: unknown,
    options: {
      strategy: PatchStrategy;
      force?: boolean;
      signal?: AbortSignal;
    },
  ): Promise<KubeObject> {
    const { resource, group, version } = await this.target(kind);
    const isApply = options.strategy === PatchStrategy.ServerSideApply;
    return this.transport.call(
      this.describe(resource, 'patch', namespace, name),
      options.signal,
      async o =>
        (await this.transport.custom.patchNamespacedCustomObject(
          {
            group,
            version,
            namespace,
            plural: resource.plural,
            name,
            body,
            fieldManager: FIELD_MANAGER,
            force: isApply ? options.force ?? false : undefined,
          },
          this.transport.withHeader(o, 'Content-Type', options.strategy),
        )) as KubeObject,
    );
  }

  async delete(
    kind: SupervisorResource,
    namespace: string,
    name: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<void> {
    const { resource, group, version } = await this.target(kind);
    await this.transport.call(
      this.describe(resource, 'delete', namespace, name),
      options.signal,
      o =>
        this.transport.custom.deleteNamespacedCustomObject(
          { group, version, namespace, plural: resource.plural, name },
          o,
        ),
    );
  }

  /** Lists, then follows changes; see {@link SupervisorWatch}. */
  async watch(
    kind: SupervisorResource,
    onEvent: (event: SupervisorWatchEvent) => void,
    options: SupervisorWatchOptions = {},
  ): Promise<SupervisorWatch> {
    const { resource, apiVersion } = await this.target(kind);
    const namespace = resource.namespaced ? options.namespace : undefined;
    const root =
      resource.apiGroup === 'core' ? '/api/v1' : `/apis/${apiVersion}`;
    const path = `${root}${namespace ? `/namespaces/${namespace}` : ''}/${
      resource.plural
    }`;
    return startWatch({
      kubeConfig: this.transport.kubeConfig,
      path,
      list: () =>
        this.list(kind, { namespace, labelSelector: options.labelSelector }),
      labelSelector: options.labelSelector,
      description: this.transport.describe(
        this.describe(resource, 'watch', namespace),
      ),
      logger: this.logger,
      onEvent,
      onError: options.onError,
    });
  }
}
