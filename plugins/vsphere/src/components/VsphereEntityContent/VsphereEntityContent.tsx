import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_SUPERVISOR_NAMESPACE,
  ANNOTATION_VCENTER,
  getVsphereEntityTarget,
} from '@backstage-vsphere/plugin-vsphere-common';
import useAsync from 'react-use/esm/useAsync';
import { VCenterSummary, vsphereApiRef } from '../../api';

/** The annotated vCenter, or the only one configured when the annotation is omitted. */
function pickVCenter(configured: VCenterSummary[], name?: string) {
  if (name) {
    return configured.find(vc => vc.name === name);
  }
  return configured.length === 1 ? configured[0] : undefined;
}

/** The vSphere tab of an annotated catalog entity. */
export const VsphereEntityContent = () => {
  const { entity } = useEntity();
  const api = useApi(vsphereApiRef);
  const target = getVsphereEntityTarget(entity);
  const {
    value: vcenters,
    loading,
    error,
  } = useAsync(() => api.listVCenters(), [api]);

  if (!target) {
    return (
      <WarningPanel
        title="No Supervisor namespace"
        message={`Add the annotation ${ANNOTATION_SUPERVISOR_NAMESPACE} to this entity's catalog-info.yaml to show its vSphere resources.`}
      />
    );
  }
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  const configured = vcenters ?? [];
  const vcenter = pickVCenter(configured, target.vcenter);
  if (!vcenter) {
    const names = configured.map(vc => vc.name).join(', ') || 'none';
    const problem = target.vcenter
      ? `The vCenter '${target.vcenter}' named by ${ANNOTATION_VCENTER} is not configured.`
      : `Several vCenters are configured; name one with ${ANNOTATION_VCENTER}.`;
    return (
      <WarningPanel
        title="vCenter not found"
        message={`${problem} Configured vCenters: ${names}.`}
      />
    );
  }

  return (
    <InfoCard title="Supervisor namespace">
      <StructuredMetadataTable
        metadata={{
          namespace: target.namespace,
          vCenter: vcenter.name,
          supervisors: vcenter.supervisors.map(s => s.name).join(', ') || '—',
        }}
      />
    </InfoCard>
  );
};
