import { createApiRef } from '@backstage/core-plugin-api';

/**
 * A configured vCenter as the backend describes it: names and links, no credentials.
 * @public
 */
export interface VCenterSummary {
  name: string;
  clientBaseUrl: string;
  supervisors: { name: string; cluster: string }[];
}

/**
 * The vsphere backend plugin's API as the frontend uses it.
 * @public
 */
export interface VsphereApi {
  listVCenters(): Promise<VCenterSummary[]>;
}

/**
 * Reference to the {@link VsphereApi}.
 * @public
 */
export const vsphereApiRef = createApiRef<VsphereApi>({
  id: 'plugin.vsphere.api',
});
