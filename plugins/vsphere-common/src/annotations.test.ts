import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_SUPERVISOR_NAMESPACE,
  getVsphereEntityTarget,
  isVsphereAvailable,
} from './annotations';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', annotations },
  spec: {},
});

describe('vSphere annotations', () => {
  it('reads the namespace and optional filters', () => {
    const target = getVsphereEntityTarget(
      entity({
        [ANNOTATION_SUPERVISOR_NAMESPACE]: ' demo ',
        'vsphere.vmware.com/vcenter': 'vc-east',
        'vsphere.vmware.com/vm-selector': 'app=payments',
        'vsphere.vmware.com/cluster': '',
      }),
    );
    expect(target).toEqual({
      namespace: 'demo',
      vcenter: 'vc-east',
      vmSelector: 'app=payments',
      cluster: undefined,
      vm: undefined,
    });
  });

  it('treats a missing or blank namespace as not available', () => {
    expect(isVsphereAvailable(entity({}))).toBe(false);
    expect(
      isVsphereAvailable(entity({ [ANNOTATION_SUPERVISOR_NAMESPACE]: '  ' })),
    ).toBe(false);
    expect(getVsphereEntityTarget(entity({}))).toBeUndefined();
    expect(
      isVsphereAvailable(entity({ [ANNOTATION_SUPERVISOR_NAMESPACE]: 'demo' })),
    ).toBe(true);
  });
});
