import {
  NamespaceAccessEntry,
  NamespaceStorageSpec,
  SupervisorNamespace,
} from '@backstage-vsphere/plugin-vsphere-node';
import { NamespaceSettings } from './namespaceSettings';

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length &&
  [...a].sort().join('\n') === [...b].sort().join('\n');

const storageKey = (s: NamespaceStorageSpec) =>
  `${s.policy}=${s.limitMiB ?? 'unlimited'}`;

const accessKey = (a: NamespaceAccessEntry) =>
  `${a.subjectType}:${a.domain}\\${a.subject}=${a.role}`.toLowerCase();

/**
 * The settings whose wanted value differs from what vCenter reports. A field vCenter does not
 * report counts as differing only when `unknownDiffers` (an update sets it to be sure).
 */
export function namespaceDifferences(
  current: SupervisorNamespace,
  wanted: NamespaceSettings,
  unknownDiffers: boolean,
): string[] {
  const checks: Array<[string, unknown, unknown, (a: any, b: any) => boolean]> =
    [
      [
        'description',
        wanted.description,
        current.description,
        (a, b) => a === b,
      ],
      [
        'storagePolicies',
        wanted.storageSpecs,
        current.storageSpecs,
        (a, b) => sameSet(a.map(storageKey), b.map(storageKey)),
      ],
      [
        'vmClasses',
        wanted.vmClasses,
        current.vmServiceSpec?.vmClasses,
        sameSet,
      ],
      [
        'contentLibraries',
        wanted.contentLibraries,
        current.vmServiceSpec?.contentLibraries,
        sameSet,
      ],
      [
        'cpuLimit',
        wanted.resourceSpec?.cpuLimitMHz,
        current.resourceSpec?.cpuLimitMHz,
        (a, b) => a === b,
      ],
      [
        'memoryLimit',
        wanted.resourceSpec?.memoryLimitMiB,
        current.resourceSpec?.memoryLimitMiB,
        (a, b) => a === b,
      ],
      [
        'storageLimit',
        wanted.resourceSpec?.storageRequestLimitMiB,
        current.resourceSpec?.storageRequestLimitMiB,
        (a, b) => a === b,
      ],
      ['zones', wanted.zones, current.zones?.map(z => z.zone), sameSet],
      [
        'accessList',
        wanted.accessList,
        current.accessList,
        (a, b) => sameSet(a.map(accessKey), b.map(accessKey)),
      ],
    ];
  return checks
    .filter(([, want, have, same]) => {
      if (want === undefined) {
        return false;
      }
      if (have === undefined) {
        return unknownDiffers;
      }
      return !same(want, have);
    })
    .map(([field]) => field);
}
