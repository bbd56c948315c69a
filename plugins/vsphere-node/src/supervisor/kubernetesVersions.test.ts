import { VmServiceImage } from '@backstage-vsphere/plugin-vsphere-common';
import {
  clusterClassVersionRange,
  describeVersionRange,
  isVersionInRange,
  kubernetesVersionOfImage,
  kubernetesVersionsInRange,
} from './kubernetesVersions';

const image = (productVersion?: string): VmServiceImage => ({
  name: `vmi-${productVersion}`,
  kind: 'ClusterVirtualMachineImage',
  ready: true,
  ...(productVersion ? { productVersion } : {}),
});

describe('ClusterClass version ranges', () => {
  it('reads the min and max labels, ignoring one that is not a version', () => {
    const cc = (labels: Record<string, string>) => ({
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'ClusterClass',
      metadata: { name: 'builtin-generic-v3.7.0', labels },
    });
    expect(
      clusterClassVersionRange(
        cc({
          'kubernetes.vmware.com/min-version-supported': 'v1.33',
          'kubernetes.vmware.com/max-version-supported': 'v1.36',
        }),
      ),
    ).toEqual({ min: 'v1.33', max: 'v1.36' });
    expect(
      clusterClassVersionRange(
        cc({ 'kubernetes.vmware.com/max-version-supported': 'latest' }),
      ),
    ).toEqual({});
  });

  it('includes both ends, comparing as many parts as the bound names', () => {
    const range = { min: 'v1.33', max: 'v1.36' };
    expect(isVersionInRange('v1.33.0+vmware.1', range)).toBe(true);
    expect(isVersionInRange('v1.36.9+vmware.2-fips', range)).toBe(true);
    expect(isVersionInRange('v1.32.7+vmware.1-fips', range)).toBe(false);
    expect(isVersionInRange('v1.37.0', range)).toBe(false);
    expect(isVersionInRange('v1.33.2', { min: 'v1.33.3' })).toBe(false);
    expect(isVersionInRange('v2.0.0', { max: 'v1.36' })).toBe(false);
    expect(isVersionInRange('not-a-version', range)).toBe(false);
    expect(isVersionInRange('not-a-version', {})).toBe(true);
  });

  it('says the range in words', () => {
    expect(describeVersionRange({ min: 'v1.33', max: 'v1.36' })).toBe(
      'v1.33 to v1.36',
    );
    expect(describeVersionRange({ min: 'v1.33' })).toBe('v1.33 or later');
    expect(describeVersionRange({ max: 'v1.36' })).toBe('up to v1.36');
    expect(describeVersionRange({})).toBe('any version');
  });
});

describe('Kubernetes versions of images', () => {
  it('drops the release build suffix and skips images without a Kubernetes version', () => {
    expect(kubernetesVersionOfImage(image('v1.33.3+vmware.1-fips-vkr.1'))).toBe(
      'v1.33.3+vmware.1-fips',
    );
    expect(kubernetesVersionOfImage(image('v1.32.7+vmware.1'))).toBe(
      'v1.32.7+vmware.1',
    );
    expect(kubernetesVersionOfImage(image('22.04'))).toBeUndefined();
    expect(kubernetesVersionOfImage(image())).toBeUndefined();
  });

  it('lists each version in range once, newest first', () => {
    const images = [
      image('v1.32.7+vmware.1-fips-vkr.2'),
      image('v1.33.3+vmware.1-fips-vkr.1'),
      image('v1.33.3+vmware.1-fips-vkr.1'),
      image('v1.34.1+vmware.1-fips-vkr.1'),
      image('22.04'),
    ];
    expect(kubernetesVersionsInRange(images, {})).toEqual([
      'v1.34.1+vmware.1-fips',
      'v1.33.3+vmware.1-fips',
      'v1.32.7+vmware.1-fips',
    ]);
    expect(kubernetesVersionsInRange(images, { max: 'v1.33' })).toEqual([
      'v1.33.3+vmware.1-fips',
      'v1.32.7+vmware.1-fips',
    ]);
  });
});
