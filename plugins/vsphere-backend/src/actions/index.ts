import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { VsphereEntityService } from '../service/VsphereEntityService';
import { registerGetEntityOverviewAction } from './getEntityOverview';
import { registerGetNamespaceQuotaAction } from './getNamespaceQuota';
import { registerListNamespaceResourcesAction } from './listNamespaceResources';
import { registerListPickerOptionsAction } from './listPickerOptions';
import { registerPowerVmAction } from './powerVm';
import { registerScaleNodePoolAction } from './scaleNodePool';

/** Every vSphere action of the actions registry, on the routes' own service. */
export function registerVsphereActions(
  registry: ActionsRegistryService,
  service: VsphereEntityService,
) {
  registerGetEntityOverviewAction(registry, service);
  registerListNamespaceResourcesAction(registry, service);
  registerGetNamespaceQuotaAction(registry, service);
  registerListPickerOptionsAction(registry, service);
  registerScaleNodePoolAction(registry, service);
  registerPowerVmAction(registry, service);
}
