import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { vsphereNodePoolDeletePermission } from '@backstage-vsphere/plugin-vsphere-common';
import { audited, initiatorMeta } from '../lib/audit';
import { clusterObject } from '../lib/entityRefs';
import {
  linkOutput,
  targetInput,
  waitInput,
  clusterTargetInput,
  nodePoolOutput,
} from '../lib/inputs';
import { checkDnsLabel } from '../lib/names';
import { waitForNodePoolGone } from '../lib/nodePoolState';
import { resolveNodePoolTarget } from '../lib/nodePoolTarget';
import {
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_TIMEOUT_SECONDS,
  VsphereActionOptions,
} from '../lib/options';
import { InputProblems } from '../lib/problems';
import { outputLinks } from '../lib/outputs';
import { examples } from './vsphereNodePoolDelete.examples';

/**
 * Removes a node pool from a workload cluster (`vsphere:nodepool:delete`).
 * @public
 */
export function createVsphereNodePoolDeleteAction(
  options: VsphereActionOptions,
) {
  const { clients, auditor, authorizer } = options;
  const intervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  return createTemplateAction({
    id: 'vsphere:nodepool:delete',
    description:
      "Removes a node pool from a workload cluster's topology and waits until its nodes are gone",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...targetInput,
        ...clusterTargetInput,
        name: z => z.string({ description: 'Name of the node pool to remove' }),
        ...waitInput,
      },
      output: {
        ...linkOutput,
        ...nodePoolOutput,
        deleted: z =>
          z.boolean({
            description:
              'Whether this run removed the pool (false when it was already gone)',
          }),
      },
    },
    async handler(ctx) {
      const { input, logger, signal } = ctx;
      const { namespace, name } = input;

      const problems = new InputProblems();
      problems.check(() => checkDnsLabel('name', name));
      const resolved = await resolveNodePoolTarget(
        clients,
        input,
        problems,
        signal,
      );
      const { target } = problems.valid({ target: resolved });
      const { config, supervisor, supervisorConfig, cluster } = target;

      const object = clusterObject(target, namespace, cluster.name);
      const entityRef = authorizer.entityRefOf(object);
      const credentials = await ctx.getInitiatorCredentials();
      await authorizer.authorize({
        object,
        permission: vsphereNodePoolDeletePermission,
        credentials,
        what: `remove node pool '${name}' from cluster '${cluster.name}'`,
      });
      outputLinks(ctx, {
        config,
        supervisorConfig,
        namespace,
        entityRef,
        cluster: cluster.name,
      });
      ctx.output('cluster', cluster.name);
      ctx.output('nodePool', name);

      const exists = cluster.nodePools.some(p => p.name === name);
      if (ctx.isDryRun) {
        logger.info(
          exists
            ? `Dry run: would remove node pool '${name}' and its nodes from cluster '${cluster.name}'`
            : `Dry run: cluster '${cluster.name}' has no node pool '${name}'; nothing would change`,
        );
        ctx.output('deleted', false);
        return;
      }

      const { deleted } = await ctx.checkpoint({
        key: `vsphere.nodepool.delete.${config.name}.${supervisorConfig.name}.${namespace}.${cluster.name}.${name}`,
        fn: async () => {
          const current = await supervisor.getWorkloadCluster(
            namespace,
            cluster.name,
            { signal },
          );
          if (!current.nodePools.some(p => p.name === name)) {
            logger.info(
              `Cluster '${cluster.name}' has no node pool '${name}'; nothing to remove`,
            );
            return { deleted: false };
          }
          logger.info(
            `Removing node pool '${name}' from cluster '${cluster.name}'`,
          );
          await audited(
            auditor,
            {
              eventId: 'nodepool-delete',
              meta: {
                ...initiatorMeta(ctx, credentials),
                vcenter: config.name,
                supervisor: supervisorConfig.name,
                namespace,
                cluster: cluster.name,
                nodePool: name,
              },
            },
            () =>
              supervisor.removeNodePool(namespace, cluster.name, name, {
                signal,
              }),
          );
          return { deleted: true };
        },
      });

      await waitForNodePoolGone({
        supervisor,
        namespace,
        cluster: cluster.name,
        pool: name,
        timeoutMs: (input.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
        intervalMs,
        logger,
        signal,
      });
      ctx.output('deleted', deleted);
    },
  });
}
