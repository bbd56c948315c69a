import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { VCenterSummary, VsphereApi } from './VsphereApi';

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
    const body = await this.get<{ items: VCenterSummary[] }>('/vcenters');
    return body.items;
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('vsphere');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
