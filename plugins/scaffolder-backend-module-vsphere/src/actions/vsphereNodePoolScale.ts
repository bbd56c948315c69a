import { checkVmsFit } from '../lib/fitCheck';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  MAX_NODE_POOL_REPLICAS,
  vsphereNodePoolScalePermission,
} from '@backstage-vsphere/plugin-vsphere-common';
import { audited, initiatorMeta } from '../lib/audit';
import { waitForNodePool } from '../lib/clusterState';
import { clusterObject } from '../lib/entityRefs';
import {
  linkOutput,
  replicasSchema,
  targetInput,
  waitInput,
  clusterTargetInput,
  nodePoolOutput,
} from '../lib/inputs';
import { checkDnsLabel } from '../lib/names';
import { resolveNodePoolTarget } from '../lib/nodePoolTarget';
import {
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_TIMEOUT_SECONDS,
  VsphereActionOptions,
} from '../lib/options';
import { InputProblems } from '../lib/problems';
import { listNames } from '../lib/resolve';
import { outputLinks } from '../lib/outputs';
import { examples } from './vsphereNodePoolScale.examples';

/**
 * Scales a node pool of a workload cluster (`vsphere:nodepool:scale`).
 * @public
 */
export function createVsphereNodePoolScaleAction(
  options: VsphereActionOptions,
) {
  const { clients, auditor, authorizer } = options;
  const intervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  return createTemplateAction({
    id: 'vsphere:nodepool:scale',
    description:
      "Sets the replicas of a node pool in the cluster's topology and waits until that many nodes are ready",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...targetInput,
        ...clusterTargetInput,
        name: z => z.string({ description: 'Name of the node pool' }),
        replicas: z =>
          replicasSchema(
            z,
            `Number of nodes to run, 0 to ${MAX_NODE_POOL_REPLICAS}`,
          ),
        ...waitInput,
      },
      output: {
        ...linkOutput,
        ...nodePoolOutput,
        previousReplicas: z =>
          z.number({ description: 'Desired replicas before this run' }),
        replicas: z => z.number({ description: 'Desired replicas now' }),
        readyReplicas: z =>
          z.number({
            description: 'Ready replicas (current ones in a dry run)',
          }),
      },
    },
    async handler(ctx) {
      const { input, logger, signal } = ctx;
      const { namespace, name, replicas } = input;

      const problems = new InputProblems();
      problems.check(() => checkDnsLabel('name', name));
      const resolved = await resolveNodePoolTarget(
        clients,
        input,
        problems,
        signal,
      );
      const found = resolved?.cluster.nodePools.find(p => p.name === name);
      if (resolved && !found) {
        problems.add(
          `name: '${name}' is not a node pool of cluster '${
            resolved.cluster.name
          }'; valid: ${listNames(resolved.cluster.nodePools.map(p => p.name))}`,
        );
      }
      const { target, pool } = problems.valid({
        target: resolved,
        pool: found,
      });
      const { config, supervisor, supervisorConfig, cluster } = target;

      const object = clusterObject(target, namespace, cluster.name);
      const entityRef = authorizer.entityRefOf(object);
      const credentials = await ctx.getInitiatorCredentials();
      await authorizer.authorize({
        object,
        permission: vsphereNodePoolScalePermission,
        credentials,
        what: `scale node pool '${name}' of cluster '${cluster.name}'`,
      });

      const added = replicas - pool.desiredReplicas;
      const poolClass = pool.vmClass;
      if (poolClass) {
        await checkVmsFit({
          vcenter: target.vcenter,
          cluster: supervisorConfig.cluster,
          namespace,
          vms: [{ vmClass: poolClass, count: added }],
          what: `${added} more node(s) of class ${poolClass} for node pool '${name}'`,
          logger,
          signal,
        });
      }

      outputLinks(ctx, {
        config,
        supervisorConfig,
        namespace,
        entityRef,
        cluster: cluster.name,
      });
      ctx.output('cluster', cluster.name);
      ctx.output('nodePool', name);
      ctx.output('replicas', replicas);

      if (ctx.isDryRun) {
        logger.info(
          pool.desiredReplicas === replicas
            ? `Dry run: node pool '${name}' already has ${replicas} replicas; nothing would change`
            : `Dry run: would scale node pool '${name}' of cluster '${cluster.name}' from ${pool.desiredReplicas} to ${replicas} replicas`,
        );
        ctx.output('previousReplicas', pool.desiredReplicas);
        ctx.output('readyReplicas', pool.readyReplicas);
        return;
      }

      const { previousReplicas } = await ctx.checkpoint({
        key: `vsphere.nodepool.scale.${config.name}.${supervisorConfig.name}.${namespace}.${cluster.name}.${name}.${replicas}`,
        fn: async () => {
          // Re-read: the pool may have changed since validation, or by an earlier attempt.
          const current = (
            await supervisor.getWorkloadCluster(namespace, cluster.name, {
              signal,
            })
          ).nodePools.find(p => p.name === name);
          if (!current) {
            throw new InputError(
              `name: node pool '${name}' was removed from cluster '${cluster.name}'`,
            );
          }
          if (current.desiredReplicas === replicas) {
            logger.info(
              `Node pool '${name}' already has ${replicas} replicas; nothing to change`,
            );
            return { previousReplicas: current.desiredReplicas };
          }
          logger.info(
            `Scaling node pool '${name}' of cluster '${cluster.name}' from ${current.desiredReplicas} to ${replicas} replicas`,
          );
          await audited(
            auditor,
            {
              eventId: 'nodepool-scale',
              meta: {
                ...initiatorMeta(ctx, credentials),
                vcenter: config.name,
                supervisor: supervisorConfig.name,
                namespace,
                cluster: cluster.name,
                nodePool: name,
                previousReplicas: current.desiredReplicas,
                replicas,
              },
            },
            () =>
              supervisor.scaleNodePool(
                namespace,
                cluster.name,
                name,
                replicas,
                {
                  signal,
                },
              ),
          );
          return { previousReplicas: current.desiredReplicas };
        },
      });

      const ready = await waitForNodePool({
        supervisor,
        namespace,
        cluster: cluster.name,
        pool: name,
        timeoutMs: (input.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
        intervalMs,
        logger,
        signal,
      });
      ctx.output('previousReplicas', previousReplicas);
      ctx.output('readyReplicas', ready.readyReplicas);
    },
  });
}
