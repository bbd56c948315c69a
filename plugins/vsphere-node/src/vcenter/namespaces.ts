import { InputError } from '@backstage/errors';
import { ROUTE_MISSING, RestSession } from './RestSession';
import {
  NamespaceAccessEntry,
  NamespaceContentLibrary,
  NamespaceCreateSpec,
  NamespaceNetworkSpec,
  NamespaceResourceSpec,
  NamespaceStorageSpec,
  NamespaceUpdateSpec,
  NamespaceVmServiceSpec,
  SupervisorCluster,
  SupervisorNamespace,
  SupervisorZone,
  VCenterCallOptions,
} from './types';
import {
  WireObject,
  compact,
  isObject,
  readArray,
  readBoolean,
  readKey,
  readNumber,
  readString,
  readStringArray,
  readText,
} from './wire';

const INSTANCES = '/api/vcenter/namespaces/instances';
// vSphere 8.0.0.1+: namespaces on a Supervisor, with zones and (9.0) VPC networking
const INSTANCES_V2 = `${INSTANCES}/v2`;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

function instancePath(name: string, base = INSTANCES): string {
  if (!DNS_LABEL.test(name)) {
    throw new InputError(
      `'${name}' is not a valid Supervisor namespace name: use at most 63 lower-case letters, digits and '-'`,
    );
  }
  return `${base}/${encodeURIComponent(name)}`;
}

function accessToWire(entry: NamespaceAccessEntry): WireObject {
  return {
    subject_type: entry.subjectType,
    subject: entry.subject,
    domain: entry.domain,
    role: entry.role,
  };
}

function storageToWire(spec: NamespaceStorageSpec): WireObject {
  return compact({ policy: spec.policy, limit: spec.limitMiB });
}

function resourcesToWire(spec: NamespaceResourceSpec): WireObject {
  return compact({
    cpu_limit: spec.cpuLimitMHz,
    memory_limit: spec.memoryLimitMiB,
    storage_request_limit: spec.storageRequestLimitMiB,
    pod_count: spec.podCount,
  });
}

function vmServiceToWire(spec: NamespaceVmServiceSpec): WireObject {
  return {
    vm_classes: spec.vmClasses,
    content_libraries: spec.contentLibraries,
  };
}

/** The snake_case body of `POST /api/vcenter/namespaces/instances`. */
export function createSpecToWire(spec: NamespaceCreateSpec): WireObject {
  return compact({
    cluster: spec.cluster,
    namespace: spec.namespace,
    description: spec.description,
    access_list: spec.accessList?.map(accessToWire),
    storage_specs: spec.storageSpecs?.map(storageToWire),
    resource_spec: spec.resourceSpec && resourcesToWire(spec.resourceSpec),
    vm_service_spec: spec.vmServiceSpec && vmServiceToWire(spec.vmServiceSpec),
    networks: spec.networks,
  });
}

function contentLibraryToWire(library: NamespaceContentLibrary): WireObject {
  return compact({
    content_library: library.contentLibrary,
    writable: library.writable,
    allow_import: library.allowImport,
    resource_naming_strategy: library.resourceNamingStrategy,
  });
}

function networkToWire(spec: NamespaceNetworkSpec): WireObject {
  const vpc = spec.vpcNetwork;
  return compact({
    network_provider: spec.networkProvider,
    vpc_network:
      vpc &&
      compact({
        vpc: vpc.vpc,
        default_subnet_size: vpc.defaultSubnetSize,
        vpc_config: vpc.privateCidrs && { private_cidrs: vpc.privateCidrs },
      }),
  });
}

/** Whether a create spec sets what only the v2 create takes. */
export function needsV2(spec: NamespaceCreateSpec): boolean {
  return Boolean(
    spec.zones?.length || spec.contentLibraries?.length || spec.networkSpec,
  );
}

/** The body of `POST /api/vcenter/namespaces/instances/v2`: `supervisor` instead of `cluster`. */
export function createSpecToWireV2(spec: NamespaceCreateSpec): WireObject {
  const { cluster, ...v1 } = createSpecToWire(spec);
  return compact({
    supervisor: cluster,
    ...v1,
    zones: spec.zones?.map(name => ({ name })),
    content_libraries: spec.contentLibraries?.map(contentLibraryToWire),
    network_spec: spec.networkSpec && networkToWire(spec.networkSpec),
  });
}

/** The snake_case body of `PATCH /api/vcenter/namespaces/instances/{namespace}`. */
export function updateSpecToWire(spec: NamespaceUpdateSpec): WireObject {
  return compact({
    description: spec.description,
    access_list: spec.accessList?.map(accessToWire),
    storage_specs: spec.storageSpecs?.map(storageToWire),
    resource_spec: spec.resourceSpec && resourcesToWire(spec.resourceSpec),
    vm_service_spec: spec.vmServiceSpec && vmServiceToWire(spec.vmServiceSpec),
  });
}

function accessFromWire(raw: unknown): NamespaceAccessEntry {
  return {
    subjectType: readString(raw, 'subject_type') === 'GROUP' ? 'GROUP' : 'USER',
    subject: readString(raw, 'subject') ?? '',
    domain: readString(raw, 'domain') ?? '',
    role: readString(raw, 'role') ?? '',
  };
}

function resourcesFromWire(raw: unknown): NamespaceResourceSpec | undefined {
  if (!isObject(raw)) {
    return undefined;
  }
  return compact<NamespaceResourceSpec>({
    cpuLimitMHz: readNumber(raw, 'cpu_limit'),
    memoryLimitMiB: readNumber(raw, 'memory_limit'),
    storageRequestLimitMiB: readNumber(raw, 'storage_request_limit'),
    podCount: readNumber(raw, 'pod_count'),
  });
}

function messagesFromWire(raw: unknown): string[] {
  const single = readKey(raw, 'message');
  return [...readArray(raw, 'messages'), ...(single ? [single] : [])]
    .map(m =>
      typeof m === 'string'
        ? m
        : readString(m, 'default_message') ??
          readString(readKey(m, 'details'), 'default_message'),
    )
    .filter((m): m is string => Boolean(m));
}

function networkFromWire(raw: unknown): NamespaceNetworkSpec | undefined {
  const provider = readText(raw, 'network_provider');
  if (!provider) {
    return undefined;
  }
  const vpc = readKey(raw, 'vpc_network');
  const cidrs = readArray(readKey(vpc, 'vpc_config'), 'private_cidrs');
  return compact<NamespaceNetworkSpec>({
    networkProvider: provider,
    vpcNetwork: isObject(vpc)
      ? compact({
          vpc: readText(vpc, 'vpc'),
          autoCreated: readBoolean(vpc, 'auto_created'),
          defaultSubnetSize: readNumber(vpc, 'default_subnet_size'),
          privateCidrs: cidrs.length
            ? cidrs.map(c => ({
                address: readString(c, 'address') ?? '',
                prefix: readNumber(c, 'prefix') ?? 0,
              }))
            : undefined,
        })
      : undefined,
  });
}

/** Reads a namespace summary (list) or info (get); v2 names the cluster `supervisor`. */
export function namespaceFromWire(
  raw: unknown,
  name?: string,
): SupervisorNamespace {
  const stats = readKey(raw, 'stats');
  const vmService = readKey(raw, 'vm_service_spec');
  const storage = readKey(raw, 'storage_specs');
  const access = readKey(raw, 'access_list');
  const zones = readKey(raw, 'zones');
  const libraries = readKey(raw, 'content_libraries');
  return compact<SupervisorNamespace>({
    name: readString(raw, 'namespace') ?? name ?? '',
    cluster: readString(raw, 'cluster', 'supervisor') ?? '',
    description: readText(raw, 'description'),
    configStatus: readString(raw, 'config_status') ?? 'UNKNOWN',
    messages: messagesFromWire(raw),
    stats: isObject(stats)
      ? {
          cpuUsedMHz: readNumber(stats, 'cpu_used'),
          memoryUsedMiB: readNumber(stats, 'memory_used'),
          storageUsedMiB: readNumber(stats, 'storage_used'),
        }
      : undefined,
    accessList: Array.isArray(access) ? access.map(accessFromWire) : undefined,
    storageSpecs: Array.isArray(storage)
      ? storage.map(s =>
          compact<NamespaceStorageSpec>({
            policy: readString(s, 'policy') ?? '',
            limitMiB: readNumber(s, 'limit'),
          }),
        )
      : undefined,
    resourceSpec: resourcesFromWire(readKey(raw, 'resource_spec')),
    vmServiceSpec: isObject(vmService)
      ? {
          vmClasses: readStringArray(vmService, 'vm_classes'),
          contentLibraries: readStringArray(vmService, 'content_libraries'),
        }
      : undefined,
    zones: Array.isArray(zones)
      ? zones.map(z =>
          compact({
            zone: readString(z, 'zone', 'name') ?? '',
            type: readText(z, 'type'),
            markedForRemoval: readBoolean(z, 'marked_for_removal'),
          }),
        )
      : undefined,
    contentLibraries: Array.isArray(libraries)
      ? libraries.map(l =>
          compact<NamespaceContentLibrary>({
            contentLibrary: readString(l, 'content_library') ?? '',
            writable: readBoolean(l, 'writable'),
            allowImport: readBoolean(l, 'allow_import'),
            resourceNamingStrategy: readText(l, 'resource_naming_strategy'),
          }),
        )
      : undefined,
    networkSpec: networkFromWire(readKey(raw, 'network_spec')),
    selfService: readBoolean(raw, 'self_service_namespace'),
  });
}

/**
 * Lists, reads and creates namespaces over the v2 routes where this vCenter serves them and the
 * v1 routes where it does not (404 without a vAPI error); the first answer decides for the client.
 */
export class NamespaceInstances {
  private v2?: boolean;

  constructor(private readonly rest: RestSession) {}

  async list(options: VCenterCallOptions = {}): Promise<SupervisorNamespace[]> {
    const body = await this.read(
      INSTANCES_V2,
      INSTANCES,
      'list Supervisor namespaces',
      options,
    );
    return (Array.isArray(body) ? body : []).map(raw => namespaceFromWire(raw));
  }

  async get(
    name: string,
    options: VCenterCallOptions = {},
  ): Promise<SupervisorNamespace> {
    const body = await this.read(
      instancePath(name, INSTANCES_V2),
      instancePath(name),
      `get Supervisor namespace '${name}'`,
      options,
    );
    return namespaceFromWire(body, name);
  }

  /** v1 unless the spec sets v2 fields (zones, library settings, network), which v1 would drop. */
  async create(
    spec: NamespaceCreateSpec,
    options: VCenterCallOptions = {},
  ): Promise<void> {
    instancePath(spec.namespace); // checks the name before anything is sent
    const action = `create Supervisor namespace '${spec.namespace}'`;
    const v2 = needsV2(spec);
    const body = await this.rest.call(
      {
        method: 'POST',
        path: v2 ? INSTANCES_V2 : INSTANCES,
        body: v2 ? createSpecToWireV2(spec) : createSpecToWire(spec),
        idempotent: false,
        action,
        signal: options.signal,
      },
      { allowRouteMissing: v2 },
    );
    if (body === ROUTE_MISSING) {
      this.v2 = false;
      throw new InputError(
        `Cannot ${action}: this vCenter does not serve the v2 namespaces API, which zones, content library settings and network specs need (vSphere 9)`,
      );
    }
  }

  /** vSphere zones bound to a Supervisor; none where the vCenter has no zone bindings (before 9.0). */
  async listSupervisorZones(
    supervisor: string,
    options: VCenterCallOptions = {},
  ): Promise<SupervisorZone[]> {
    if (!DNS_LABEL.test(supervisor)) {
      throw new InputError(
        `'${supervisor}' is not a valid Supervisor id: use a vCenter id such as domain-c8`,
      );
    }
    const body = await this.rest.call(
      {
        method: 'GET',
        path: `/api/vcenter/namespace-management/supervisors/${encodeURIComponent(
          supervisor,
        )}/zones/bindings`,
        idempotent: true,
        action: `list the zones of Supervisor '${supervisor}'`,
        signal: options.signal,
      },
      { allowRouteMissing: true },
    );
    if (body === ROUTE_MISSING) {
      return [];
    }
    const zones = Array.isArray(body) ? body : readArray(body, 'zones');
    return zones.map(raw =>
      compact<SupervisorZone>({
        zone: readString(raw, 'zone') ?? '',
        type: readText(raw, 'type'),
        status: readText(raw, 'status'),
        namespaces: readStringArray(raw, 'namespaces'),
        markedForRemoval: readBoolean(raw, 'marked_for_removal'),
      }),
    );
  }

  private async read(
    v2Path: string,
    v1Path: string,
    action: string,
    options: VCenterCallOptions,
  ): Promise<unknown> {
    const request = {
      method: 'GET' as const,
      idempotent: true,
      action,
      signal: options.signal,
    };
    if (this.v2 !== false) {
      const body = await this.rest.call(
        { ...request, path: v2Path },
        { allowRouteMissing: this.v2 === undefined },
      );
      if (body !== ROUTE_MISSING) {
        this.v2 = true;
        return body;
      }
      this.v2 = false;
    }
    return this.rest.call({ ...request, path: v1Path });
  }
}

export async function updateNamespace(
  rest: RestSession,
  name: string,
  spec: NamespaceUpdateSpec,
  options: VCenterCallOptions = {},
): Promise<void> {
  await rest.call({
    method: 'PATCH',
    path: instancePath(name),
    body: updateSpecToWire(spec),
    idempotent: false,
    action: `update Supervisor namespace '${name}'`,
    signal: options.signal,
  });
}

export async function deleteNamespace(
  rest: RestSession,
  name: string,
  options: VCenterCallOptions = {},
): Promise<void> {
  await rest.call({
    method: 'DELETE',
    path: instancePath(name),
    idempotent: false,
    action: `delete Supervisor namespace '${name}'`,
    signal: options.signal,
  });
}

export async function listSupervisorClusters(
  rest: RestSession,
  options: VCenterCallOptions = {},
): Promise<SupervisorCluster[]> {
  const body = await rest.call({
    method: 'GET',
    path: '/api/vcenter/namespace-management/clusters',
    idempotent: true,
    action: 'list Supervisor clusters',
    signal: options.signal,
  });
  return (Array.isArray(body) ? body : []).map(raw =>
    compact<SupervisorCluster>({
      cluster: readString(raw, 'cluster', 'supervisor') ?? '',
      clusterName: readText(raw, 'cluster_name', 'name'),
      configStatus: readText(raw, 'config_status'),
      kubernetesStatus: readText(raw, 'kubernetes_status'),
    }),
  );
}
