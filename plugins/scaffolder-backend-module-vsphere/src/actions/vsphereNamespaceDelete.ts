import { ConflictError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { vsphereNamespaceDeletePermission } from '@backstage-vsphere/plugin-vsphere-common';
import { SupervisorClient } from '@backstage-vsphere/plugin-vsphere-node';
import { audited, initiatorMeta } from '../lib/audit';
import { namespaceObject } from '../lib/entityRefs';
import { targetInput, waitInput } from '../lib/inputs';
import { checkDnsLabel } from '../lib/names';
import { findNamespace, waitForNamespaceGone } from '../lib/namespaceState';
import {
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_TIMEOUT_SECONDS,
  VsphereActionOptions,
} from '../lib/options';
import { InputProblems } from '../lib/problems';
import { namespaceEvent, publishCreated } from '../lib/published';
import { listNames } from '../lib/resolve';
import { resolveSupervisor } from '../lib/target';
import { examples } from './vsphereNamespaceDelete.examples';

/** Labels the vSphere provider and Cluster API put on the VMs of a cluster's nodes. */
const CAPV_CLUSTER_LABEL = 'capv.vmware.com/cluster.name';
const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';

/** What deleting the namespace would take with it: its VMs and clusters. */
async function contentsOf(
  supervisor: SupervisorClient,
  namespace: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const [vms, clusters] = await Promise.all([
    supervisor.listVirtualMachines(namespace, { signal }),
    supervisor.listWorkloadClusters(namespace, { signal }),
  ]);
  // A cluster's nodes are VMs of the namespace too; name the cluster, not each node.
  const standalone = vms.filter(
    vm => !vm.labels[CAPV_CLUSTER_LABEL] && !vm.labels[CLUSTER_NAME_LABEL],
  );
  return [
    ...clusters.map(c => `cluster ${c.name}`),
    ...standalone.map(vm => `VM ${vm.name}`),
  ];
}

/**
 * Deletes a Supervisor namespace (`vsphere:namespace:delete`).
 * @public
 */
export function createVsphereNamespaceDeleteAction(
  options: VsphereActionOptions,
) {
  const { clients, auditor, authorizer, events } = options;
  const intervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  return createTemplateAction({
    id: 'vsphere:namespace:delete',
    description:
      'Deletes a Supervisor namespace and waits until vCenter has removed it; refuses while it holds VMs or clusters unless forced',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...targetInput,
        name: z => z.string({ description: 'Name of the namespace to delete' }),
        force: z =>
          z
            .boolean({
              description:
                'Delete even when the namespace still holds VMs or clusters (they are deleted with it)',
            })
            .optional(),
        ...waitInput,
      },
      output: {
        vcenter: z => z.string({ description: 'The vCenter' }),
        namespace: z => z.string({ description: 'The namespace name' }),
        entityRef: z =>
          z.string({ description: 'Catalog entity ref the namespace had' }),
        deleted: z =>
          z.boolean({
            description:
              'Whether this run deleted the namespace (false when it was already gone)',
          }),
      },
    },
    async handler(ctx) {
      const { input, logger, signal } = ctx;
      const name = input.name;

      const problems = new InputProblems();
      problems.check(() => checkDnsLabel('name', name));
      const { target } = problems.valid({
        target: problems.check(() =>
          resolveSupervisor(clients, input.vcenter, input.supervisor),
        ),
      });
      const { config, vcenter, supervisor } = target;
      const object = namespaceObject(target, name);
      const entityRef = authorizer.entityRefOf(object);

      const credentials = await ctx.getInitiatorCredentials();
      await authorizer.authorize({
        object,
        permission: vsphereNamespaceDeletePermission,
        credentials,
        what: `delete Supervisor namespace '${name}'`,
      });
      ctx.output('vcenter', config.name);
      ctx.output('namespace', name);
      ctx.output('entityRef', entityRef);

      /** False when it is gone already; throws when it holds something and force is off. */
      const checkDeletable = async () => {
        if (!(await findNamespace(vcenter, name, signal))) {
          return false;
        }
        const contents = await contentsOf(supervisor, name, signal);
        if (contents.length && !input.force) {
          throw new ConflictError(
            `Supervisor namespace '${name}' still holds ${listNames(
              contents,
            )}; delete them first or set force: true`,
          );
        }
        return true;
      };

      if (ctx.isDryRun) {
        const exists = await checkDeletable();
        logger.info(
          exists
            ? `Dry run: would delete Supervisor namespace '${name}' from vCenter '${config.name}'`
            : `Dry run: Supervisor namespace '${name}' does not exist; nothing would change`,
        );
        ctx.output('deleted', false);
        return;
      }

      const { deleted } = await ctx.checkpoint({
        key: `vsphere.namespace.delete.${config.name}.${name}`,
        fn: async () => {
          if (!(await checkDeletable())) {
            logger.info(
              `Supervisor namespace '${name}' does not exist; nothing to delete`,
            );
            return { deleted: false };
          }
          logger.info(`Deleting Supervisor namespace '${name}'`);
          await audited(
            auditor,
            {
              eventId: 'namespace-delete',
              meta: {
                ...initiatorMeta(ctx, credentials),
                vcenter: config.name,
                namespace: name,
                force: Boolean(input.force),
              },
            },
            () => vcenter.deleteNamespace(name, { signal }),
          );
          return { deleted: true };
        },
      });

      await waitForNamespaceGone({
        vcenter,
        name,
        timeoutMs: (input.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
        intervalMs,
        logger,
        signal,
      });
      // the catalog drops the namespace's entities now, not at its next full run
      await publishCreated(events, logger, namespaceEvent(config.name, name));
      ctx.output('deleted', deleted);
    },
  });
}
