import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CapacityResponse,
  EntityOverview,
  PerfResponse,
  PlacementResponse,
  PickerKind,
  PickerOption,
  VCenterSummary,
  VmServiceVm,
  WorkloadCluster,
} from '@backstage-vsphere/plugin-vsphere-common';
import {
  ListOptionsQuery,
  PowerVmRequest,
  ScaleNodePoolRequest,
  VsphereApi,
  VsphereEntityRef,
} from './VsphereApi';

/** `/entities/:namespace/:kind/:name`, lower-cased like the catalog's refs. */
function entityPath(entityRef: VsphereEntityRef): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  const parts = [
    namespace.toLocaleLowerCase('en-US'),
    kind.toLocaleLowerCase('en-US'),
    name,
  ];
  return `/entities/${parts.map(encodeURIComponent).join('/')}`;
}

/**
 * Talks to the vsphere backend plugin through Backstage's discovery and fetch APIs.
 * @public
 */
export class VsphereClient implements VsphereApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async listVCenters(): Promise<VCenterSummary[]> {
    const body = await this.request<{ items: VCenterSummary[] }>('/vcenters');
    return body.items;
  }

  async getEntityOverview(
    entityRef: VsphereEntityRef,
  ): Promise<EntityOverview> {
    return this.request<EntityOverview>(`${entityPath(entityRef)}/overview`);
  }

  async getCapacity(entityRef: VsphereEntityRef): Promise<CapacityResponse> {
    return this.request<CapacityResponse>(`${entityPath(entityRef)}/capacity`);
  }

  async getPlacement(entityRef: VsphereEntityRef): Promise<PlacementResponse> {
    return this.request<PlacementResponse>(
      `${entityPath(entityRef)}/placement`,
    );
  }

  async getPerf(entityRef: VsphereEntityRef): Promise<PerfResponse> {
    return this.request<PerfResponse>(`${entityPath(entityRef)}/perf`);
  }

  async listOptions(
    kind: PickerKind,
    query: ListOptionsQuery = {},
  ): Promise<PickerOption[]> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value) {
        params.set(key, value);
      }
    }
    const search = params.toString() ? `?${params}` : '';
    const body = await this.request<{ items: PickerOption[] }>(
      `/options/${encodeURIComponent(kind)}${search}`,
    );
    return body.items;
  }

  async scaleNodePool(request: ScaleNodePoolRequest): Promise<WorkloadCluster> {
    const { entityRef, cluster, nodePool, replicas } = request;
    const path = `${entityPath(entityRef)}/clusters/${encodeURIComponent(
      cluster,
    )}/nodepools/${encodeURIComponent(nodePool)}/scale`;
    const body = await this.request<{ cluster: WorkloadCluster }>(path, {
      replicas,
    });
    return body.cluster;
  }

  async powerVm(request: PowerVmRequest): Promise<VmServiceVm> {
    const { entityRef, vm, action } = request;
    const path = `${entityPath(entityRef)}/vms/${encodeURIComponent(vm)}/power`;
    const body = await this.request<{ vm: VmServiceVm }>(path, { action });
    return body.vm;
  }

  /** GET without a body, POST with a JSON one. */
  private async request<T>(path: string, body?: unknown): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('vsphere');
    const init: RequestInit | undefined =
      body === undefined
        ? undefined
        : {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          };
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
