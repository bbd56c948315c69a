import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  CapacityResponse,
  EntityOverview,
  PerfResponse,
  PlacementResponse,
  PickerKind,
  PickerOption,
  VCenterSummary,
  VmPowerAction,
  VmServiceVm,
  WorkloadCluster,
} from '@backstage-vsphere/plugin-vsphere-common';

// defined beside the backend's types, exported here for apps that import it from this plugin
export type { VCenterSummary };

/**
 * Narrows a picker's option list to one vCenter, Supervisor or namespace.
 * @public
 */
export interface ListOptionsQuery {
  vcenter?: string;
  supervisor?: string;
  namespace?: string;
  /** For `node-pools`: the workload cluster whose pools to list. */
  cluster?: string;
  /** For `kubernetes-versions`: the ClusterClass whose supported range narrows the list. */
  clusterClass?: string;
}

/**
 * A catalog entity, as a ref string (`resource:default/demo`) or its parts.
 * @public
 */
export type VsphereEntityRef = CompoundEntityRef | string;

/**
 * Asks for a node pool of a cluster behind an entity to run a number of replicas.
 * @public
 */
export interface ScaleNodePoolRequest {
  entityRef: VsphereEntityRef;
  cluster: string;
  nodePool: string;
  replicas: number;
}

/**
 * Asks for a power action on a VM Service VM behind an entity.
 * @public
 */
export interface PowerVmRequest {
  entityRef: VsphereEntityRef;
  vm: string;
  action: VmPowerAction;
}

/**
 * The vsphere backend plugin's API as the frontend uses it.
 * @public
 */
export interface VsphereApi {
  /** The vCenters the backend is configured with. */
  listVCenters(): Promise<VCenterSummary[]>;
  /** Everything the vSphere views show for one catalog entity; failed sources are listed in `errors`. */
  getEntityOverview(entityRef: VsphereEntityRef): Promise<EntityOverview>;
  /** The capacity of the entity's Supervisor cluster against what its namespaces were promised. */
  getCapacity(entityRef: VsphereEntityRef): Promise<CapacityResponse>;
  /** How the entity's workload clusters spread over hosts, datastores and zones, with risks. */
  getPlacement(entityRef: VsphereEntityRef): Promise<PlacementResponse>;
  /** Recent CPU and memory of the entity's VMs and their hosts. */
  getPerf(entityRef: VsphereEntityRef): Promise<PerfResponse>;
  /** Live options for a scaffolder picker. */
  listOptions(
    kind: PickerKind,
    query?: ListOptionsQuery,
  ): Promise<PickerOption[]>;
  /** Changes a node pool's replica count; resolves with the cluster as it is after the change. */
  scaleNodePool(request: ScaleNodePoolRequest): Promise<WorkloadCluster>;
  /** Powers a VM on or off, or restarts it; resolves with the VM after the change. */
  powerVm(request: PowerVmRequest): Promise<VmServiceVm>;
}

/**
 * Reference to the {@link VsphereApi}.
 * @public
 */
export const vsphereApiRef = createApiRef<VsphereApi>({
  id: 'plugin.vsphere.api',
});
