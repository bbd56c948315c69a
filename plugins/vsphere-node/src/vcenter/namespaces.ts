import { InputError } from '@backstage/errors';
import { RestSession } from './RestSession';
import {
  NamespaceAccessEntry,
  NamespaceCreateSpec,
  NamespaceResourceSpec,
  NamespaceStorageSpec,
  NamespaceUpdateSpec,
  NamespaceVmServiceSpec,
  SupervisorCluster,
  SupervisorNamespace,
  VCenterCallOptions,
} from './types';
import {
  WireObject,
  compact,
  isObject,
  readArray,
  readKey,
  readNumber,
  readString,
  readStringArray,
  readText,
} from './wire';

const INSTANCES = '/api/vcenter/namespaces/instances';
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

function instancePath(name: string): string {
  if (!DNS_LABEL.test(name)) {
    throw new InputError(
      `'${name}' is not a valid Supervisor namespace name: use at most 63 lower-case letters, digits and '-'`,
    );
  }
  return `${INSTANCES}/${encodeURIComponent(name)}`;
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

/** Reads a namespace summary (list) or info (get); v2 names the cluster `supervisor`. */
export function namespaceFromWire(
  raw: unknown,
  name?: string,
): SupervisorNamespace {
  const stats = readKey(raw, 'stats');
  const vmService = readKey(raw, 'vm_service_spec');
  const storage = readKey(raw, 'storage_specs');
  const access = readKey(raw, 'access_list');
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
  });
}

export async function listNamespaces(
  rest: RestSession,
  options: VCenterCallOptions = {},
): Promise<SupervisorNamespace[]> {
  const body = await rest.call({
    method: 'GET',
    path: INSTANCES,
    idempotent: true,
    action: 'list Supervisor namespaces',
    signal: options.signal,
  });
  return (Array.isArray(body) ? body : []).map(raw => namespaceFromWire(raw));
}

export async function getNamespace(
  rest: RestSession,
  name: string,
  options: VCenterCallOptions = {},
): Promise<SupervisorNamespace> {
  const body = await rest.call({
    method: 'GET',
    path: instancePath(name),
    idempotent: true,
    action: `get Supervisor namespace '${name}'`,
    signal: options.signal,
  });
  return namespaceFromWire(body, name);
}

export async function createNamespace(
  rest: RestSession,
  spec: NamespaceCreateSpec,
  options: VCenterCallOptions = {},
): Promise<void> {
  instancePath(spec.namespace);
  await rest.call({
    method: 'POST',
    path: INSTANCES,
    body: createSpecToWire(spec),
    idempotent: false,
    action: `create Supervisor namespace '${spec.namespace}'`,
    signal: options.signal,
  });
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
