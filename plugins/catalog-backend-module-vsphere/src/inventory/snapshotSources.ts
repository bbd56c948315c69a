import { NotFoundError } from '@backstage/errors';
import {
  FedKind,
  InventorySnapshot,
  SupervisorResource,
} from '@backstage-vsphere/plugin-vsphere-node';
import { VcenterSources } from './sources';

const FED: ReadonlySet<string> = new Set<FedKind>([
  'Namespace',
  'VirtualMachine',
  'Cluster',
  'TanzuKubernetesCluster',
]);

/**
 * Sources whose namespace-scoped Supervisor reads come from the watch-fed snapshot, so a delta
 * costs no Supervisor request; anything else (and a feed not synced) is read upstream.
 */
export function snapshotSources(
  upstream: VcenterSources,
  snapshot: InventorySnapshot,
  vcenter: string,
): VcenterSources {
  const fromSnapshot = (
    supervisor: string,
    kind: SupervisorResource,
    namespace?: string,
  ) =>
    namespace && FED.has(kind)
      ? snapshot.supervisorObjects(
          vcenter,
          supervisor,
          kind as FedKind,
          namespace,
        )
      : undefined;
  return {
    vcenter: upstream.vcenter,
    supervisor: name => {
      const source = upstream.supervisor(name);
      return {
        apiVersions: () => source.apiVersions(),
        list: async (kind, options = {}) =>
          fromSnapshot(name, kind, options.namespace) ??
          source.list(kind, options),
        get: async (kind, objectName, options = {}) => {
          const found =
            kind === 'Namespace'
              ? fromSnapshot(name, kind, objectName)
              : undefined;
          if (found && found.length > 0) return found[0];
          if (found) {
            throw new NotFoundError(`Namespace '${objectName}' not found`);
          }
          return source.get(kind, objectName, options);
        },
      };
    },
  };
}
