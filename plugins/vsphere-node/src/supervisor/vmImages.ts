import { VmServiceImage } from '@backstage-vsphere/plugin-vsphere-common';
import { KubeObject, arrayAt, assignDefined, stringAt } from './objects';

/**
 * A VirtualMachineImage or ClusterVirtualMachineImage object (v1alpha2..v1alpha6: v1alpha6 changes no image field) as the common type.
 * @public
 */
export function toVmServiceImage(image: KubeObject): VmServiceImage {
  const kind =
    image.kind === 'ClusterVirtualMachineImage'
      ? 'ClusterVirtualMachineImage'
      : 'VirtualMachineImage';
  const ready = arrayAt(image, 'status', 'conditions').some(
    c => stringAt(c, 'type') === 'Ready' && stringAt(c, 'status') === 'True',
  );
  return assignDefined<VmServiceImage>(
    { name: image.metadata.name, kind, ready },
    {
      namespace:
        kind === 'VirtualMachineImage' ? image.metadata.namespace : undefined,
      displayName: stringAt(image, 'status', 'name'),
      osType: stringAt(image, 'status', 'osInfo', 'type'),
      osVersion: stringAt(image, 'status', 'osInfo', 'version'),
      productVersion:
        stringAt(image, 'status', 'productInfo', 'fullVersion') ??
        stringAt(image, 'status', 'productInfo', 'version'),
    },
  );
}
