import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { EntityOverview } from '@backstage-vsphere/plugin-vsphere-common';
import { ResolvedEntityTarget } from './resolveEntityTarget';

/** What a day-2 route is asked to change, by the name in its path. */
export type SelectedObject =
  | { kind: 'cluster'; name: string; nodePool: string }
  | { kind: 'vm'; name: string };

function describe(object: SelectedObject): string {
  return object.kind === 'cluster'
    ? `node pool '${object.nodePool}' of cluster '${object.name}'`
    : `VM '${object.name}'`;
}

/**
 * Throws NotFoundError when the page entity's annotations cannot select the object at all, so
 * such a request is refused before any upstream call.
 */
export function checkAnnotationsSelect(
  page: ResolvedEntityTarget,
  object: SelectedObject,
): void {
  const { target, entityRef } = page;
  const refused =
    object.kind === 'cluster'
      ? Boolean(target.vm) ||
        (target.cluster !== undefined && target.cluster !== object.name)
      : target.vm !== undefined && target.vm !== object.name;
  if (refused) {
    throw new NotFoundError(
      `${describe(object)} is not among the objects ${entityRef} shows`,
    );
  }
}

/**
 * Throws NotFoundError unless the page's overview shows the object; node VMs of clusters are
 * never in its VM list, so they are never powered one by one.
 */
export function checkOverviewShows(
  page: ResolvedEntityTarget,
  overview: Omit<EntityOverview, 'allowed'>,
  object: SelectedObject,
): void {
  const shown =
    object.kind === 'cluster'
      ? overview.clusters
          .find(c => c.name === object.name)
          ?.nodePools.some(p => p.name === object.nodePool)
      : overview.vms.some(vm => vm.name === object.name && !vm.clusterNode);
  if (shown) {
    return;
  }
  const unread = overview.errors.find(e => e.source.startsWith('supervisor:'));
  if (unread) {
    throw new ServiceUnavailableError(
      `Could not check that ${page.entityRef} shows ${describe(object)}: ${
        unread.message
      }`,
    );
  }
  throw new NotFoundError(
    `${describe(object)} is not among the objects ${page.entityRef} shows${
      object.kind === 'vm' ? ' (node VMs change with their node pool)' : ''
    }`,
  );
}
