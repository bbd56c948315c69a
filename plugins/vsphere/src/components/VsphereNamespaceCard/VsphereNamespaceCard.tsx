import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_SUPERVISOR_NAMESPACE,
  getVsphereEntityTarget,
} from '@backstage-vsphere/plugin-vsphere-common';
import { EntityOverviewLoader } from '../EntityOverviewLoader';
import { NamespaceStatusCard } from '../NamespaceStatusCard';

/**
 * Props of the vSphere entity cards.
 * @public
 */
export interface VsphereEntityCardProps {
  /** How often to re-read while node pools or VMs are changing, in milliseconds. */
  pollIntervalMs?: number;
}

/** The namespace card of a `vsphere-namespace` Resource: status, quotas, what VMs may use. */
export const VsphereNamespaceCard = (props: VsphereEntityCardProps) => {
  const { entity } = useEntity();
  const target = getVsphereEntityTarget(entity);
  if (!target) {
    return (
      <MissingAnnotationEmptyState
        annotation={ANNOTATION_SUPERVISOR_NAMESPACE}
      />
    );
  }
  return (
    <EntityOverviewLoader
      entityRef={stringifyEntityRef(entity)}
      pollIntervalMs={props.pollIntervalMs}
    >
      {overview => (
        <NamespaceStatusCard
          overview={overview}
          namespaceName={target.namespace}
        />
      )}
    </EntityOverviewLoader>
  );
};
