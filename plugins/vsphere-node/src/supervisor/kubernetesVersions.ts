import { VmServiceImage } from '@backstage-vsphere/plugin-vsphere-common';
import { KubeObject } from './objects';

/**
 * Labels a vSphere Kubernetes Service ClusterClass carries: the Kubernetes minors it can run.
 * @public
 */
export const MIN_VERSION_LABEL = 'kubernetes.vmware.com/min-version-supported';
/**
 * See {@link MIN_VERSION_LABEL}.
 * @public
 */
export const MAX_VERSION_LABEL = 'kubernetes.vmware.com/max-version-supported';

/**
 * The Kubernetes versions a ClusterClass supports, from its labels (e.g. `v1.33` to `v1.36`,
 * both included); an end is missing when the class does not say.
 * @public
 */
export interface KubernetesVersionRange {
  min?: string;
  max?: string;
}

const VERSION = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?=$|[-+])/;

/** `[1, 33, 3]` of `v1.33.3+vmware.1-fips`, `[1, 33]` of `v1.33`; undefined when not a version. */
function numbersOf(version: string): number[] | undefined {
  const match = VERSION.exec(version.trim());
  if (!match) return undefined;
  return match
    .slice(1)
    .filter(n => n !== undefined)
    .map(Number);
}

/** Compares a version with a bound on as many parts as the bound names (`v1.33` covers v1.33.x). */
function compareToBound(version: number[], bound: number[]): number {
  for (let i = 0; i < bound.length; i++) {
    const diff = (version[i] ?? 0) - bound[i];
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * The ClusterClass's supported range from its labels; a label that is not a version is ignored.
 * @public
 */
export function clusterClassVersionRange(
  clusterClass: KubeObject,
): KubernetesVersionRange {
  const labels = clusterClass.metadata.labels ?? {};
  const range: KubernetesVersionRange = {};
  const min = labels[MIN_VERSION_LABEL];
  const max = labels[MAX_VERSION_LABEL];
  if (min && numbersOf(min)) range.min = min;
  if (max && numbersOf(max)) range.max = max;
  return range;
}

/**
 * Whether a Kubernetes version is within the range (both ends included); a version that cannot
 * be read is outside any range with an end.
 * @public
 */
export function isVersionInRange(
  version: string,
  range: KubernetesVersionRange,
): boolean {
  const numbers = numbersOf(version);
  if (!range.min && !range.max) return true;
  if (!numbers) return false;
  const min = range.min ? numbersOf(range.min) : undefined;
  const max = range.max ? numbersOf(range.max) : undefined;
  return (
    (!min || compareToBound(numbers, min) >= 0) &&
    (!max || compareToBound(numbers, max) <= 0)
  );
}

/**
 * The range in words, e.g. `v1.33 to v1.36`, `v1.33 or later`, `any version`.
 * @public
 */
export function describeVersionRange(range: KubernetesVersionRange): string {
  if (range.min && range.max) return `${range.min} to ${range.max}`;
  if (range.min) return `${range.min} or later`;
  if (range.max) return `up to ${range.max}`;
  return 'any version';
}

/**
 * The Kubernetes version a cluster names for an image's release: the image's product version
 * without the release build suffix (`v1.33.3+vmware.1-fips-vkr.1` gives `v1.33.3+vmware.1-fips`);
 * undefined for an image that is not a Kubernetes node image.
 * @public
 */
export function kubernetesVersionOfImage(
  image: VmServiceImage,
): string | undefined {
  const version = image.productVersion;
  if (!version || !/^v\d+\.\d+\.\d+/.test(version)) return undefined;
  return version.replace(/-vkr\.\d+$/, '');
}

/**
 * The Kubernetes versions the namespace's images provide, newest first, each once, with those a
 * ClusterClass range excludes left out.
 * @public
 */
export function kubernetesVersionsInRange(
  images: VmServiceImage[],
  range: KubernetesVersionRange,
): string[] {
  const versions = new Set<string>();
  for (const image of images) {
    const version = kubernetesVersionOfImage(image);
    if (version && isVersionInRange(version, range)) versions.add(version);
  }
  return [...versions].sort((a, b) => {
    const x = numbersOf(a) ?? [];
    const y = numbersOf(b) ?? [];
    for (let i = 0; i < 3; i++) {
      const diff = (y[i] ?? 0) - (x[i] ?? 0);
      if (diff !== 0) return diff;
    }
    return a.localeCompare(b);
  });
}
