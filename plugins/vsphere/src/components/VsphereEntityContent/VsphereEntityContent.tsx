import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_SUPERVISOR_NAMESPACE,
  getVsphereEntityTarget,
} from '@backstage-vsphere/plugin-vsphere-common';
import { CapacityCard } from '../CapacityCard';
import { ClustersCard } from '../ClustersCard';
import { EntityOverviewLoader } from '../EntityOverviewLoader';
import { EventsCard } from '../EventsCard';
import { NamespaceStatusCard } from '../NamespaceStatusCard';
import { OverviewHeader } from '../OverviewHeader';
import { PerfCard } from '../PerfCard';
import { PlacementCard } from '../PlacementCard';
import { ResourceQuotasCard } from '../ResourceQuotasCard';
import { VirtualMachinesTable } from '../VirtualMachinesTable';
import { VmClassesCard } from '../VmClassesCard';

/**
 * Props of the vSphere entity tab.
 * @public
 */
export interface VsphereEntityContentProps {
  /** How often to re-read while node pools or VMs are changing, in milliseconds. */
  pollIntervalMs?: number;
}

/** The vSphere tab: namespace, VMs, clusters and events behind an annotated entity. */
export const VsphereEntityContent = (props: VsphereEntityContentProps) => {
  const { entity } = useEntity();
  const target = getVsphereEntityTarget(entity);
  if (!target) {
    return (
      <MissingAnnotationEmptyState
        annotation={ANNOTATION_SUPERVISOR_NAMESPACE}
      />
    );
  }
  const entityRef = stringifyEntityRef(entity);
  return (
    <EntityOverviewLoader
      entityRef={entityRef}
      pollIntervalMs={props.pollIntervalMs}
    >
      {(overview, state) => {
        const namespace = overview.namespace?.name ?? target.namespace;
        return (
          <>
            <OverviewHeader
              overview={overview}
              loading={state.loading}
              onRefresh={state.refresh}
            />
            <NamespaceStatusCard
              overview={overview}
              namespaceName={target.namespace}
            />
            <CapacityCard entityRef={entityRef} />
            <ResourceQuotasCard namespace={overview.namespace} />
            <VmClassesCard namespace={overview.namespace} />
            <VirtualMachinesTable
              vms={overview.vms}
              namespace={namespace}
              entityRef={entityRef}
              powerableVms={overview.allowed.powerVms}
              onPowered={state.applyVm}
            />
            <ClustersCard
              clusters={overview.clusters}
              namespace={namespace}
              entityRef={entityRef}
              scalableClusters={overview.allowed.scaleClusters}
              onScaled={state.applyCluster}
            />
            {overview.clusters.length > 0 && (
              <PlacementCard entityRef={entityRef} />
            )}
            <PerfCard entityRef={entityRef} />
            <EventsCard events={overview.events} namespace={namespace} />
          </>
        );
      }}
    </EntityOverviewLoader>
  );
};
