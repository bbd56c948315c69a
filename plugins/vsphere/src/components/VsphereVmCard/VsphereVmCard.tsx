import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityInfoCard,
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { Text } from '@backstage/ui';
import { ANNOTATION_VM } from '@backstage-vsphere/plugin-vsphere-common';
import { statusTone } from '../../utils/statusTone';
import { EntityOverviewLoader } from '../EntityOverviewLoader';
import { StatusLabel } from '../StatusLabel';
import { VmPowerActions } from '../VmPowerActions';
import { VsphereEntityCardProps } from '../VsphereNamespaceCard';
import { VmDetails } from './VmDetails';

/** The card of a `virtual-machine` Resource: the VM it names, with power buttons for those allowed. */
export const VsphereVmCard = (props: VsphereEntityCardProps) => {
  const { entity } = useEntity();
  const vmName = entity.metadata.annotations?.[ANNOTATION_VM]?.trim();
  if (!vmName) {
    return <MissingAnnotationEmptyState annotation={ANNOTATION_VM} />;
  }
  const entityRef = stringifyEntityRef(entity);
  return (
    <EntityOverviewLoader
      entityRef={entityRef}
      pollIntervalMs={props.pollIntervalMs}
    >
      {(overview, state) => {
        const vm = overview.vms.find(v => v.name === vmName);
        const title = `Virtual machine ${vmName}`;
        if (!vm) {
          return (
            <EntityInfoCard title={title}>
              <Text>
                {overview.errors.length
                  ? `VM ${vmName} could not be read; see the warnings above.`
                  : `VM ${vmName} was not found. It may have been deleted; the catalog drops it on its next refresh.`}
              </Text>
            </EntityInfoCard>
          );
        }
        const power = vm.powerState ?? vm.vcenterVm?.powerState;
        return (
          <EntityInfoCard
            title={title}
            headerActions={
              <StatusLabel tone={statusTone(power)} label={power} />
            }
            footerActions={
              overview.allowed.powerVms.includes(vm.name) && (
                <VmPowerActions
                  entityRef={entityRef}
                  vm={vm}
                  onPowered={state.applyVm}
                />
              )
            }
          >
            <VmDetails vm={vm} />
          </EntityInfoCard>
        );
      }}
    </EntityOverviewLoader>
  );
};
