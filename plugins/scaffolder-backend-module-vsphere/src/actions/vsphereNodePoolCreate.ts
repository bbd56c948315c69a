import { checkVmsFit } from '../lib/fitCheck';
import { ConflictError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  NodePool,
  vsphereNodePoolCreatePermission,
} from '@backstage-vsphere/plugin-vsphere-common';
import { NodePoolSpec } from '@backstage-vsphere/plugin-vsphere-node';
import { createOnce } from '../lib/createOnce';
import { describePool, waitForNodePool } from '../lib/clusterState';
import { clusterObject } from '../lib/entityRefs';
import { initiatorMeta } from '../lib/audit';
import {
  linkOutput,
  targetInput,
  waitInput,
  clusterTargetInput,
  nodePoolOutput,
} from '../lib/inputs';
import {
  nodePoolFields,
  poolDifferences,
  resolveNodePool,
} from '../lib/nodePoolSpec';
import { resolveNodePoolTarget } from '../lib/nodePoolTarget';
import {
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_TIMEOUT_SECONDS,
  VsphereActionOptions,
} from '../lib/options';
import { InputProblems } from '../lib/problems';
import { checkNodePoolVersion } from '../lib/versionRange';
import { outputLinks } from '../lib/outputs';
import { examples } from './vsphereNodePoolCreate.examples';

/**
 * Adds a node pool to a workload cluster (`vsphere:nodepool:create`).
 * @public
 */
export function createVsphereNodePoolCreateAction(
  options: VsphereActionOptions,
) {
  const { clients, auditor, authorizer } = options;
  const intervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  return createTemplateAction({
    id: 'vsphere:nodepool:create',
    description:
      "Adds a node pool to a workload cluster's topology and waits until its nodes are ready",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...targetInput,
        ...clusterTargetInput,
        name: nodePoolFields.name,
        replicas: nodePoolFields.replicas,
        vmClass: nodePoolFields.vmClass,
        storageClass: nodePoolFields.storageClass,
        failureDomain: nodePoolFields.failureDomain,
        ...waitInput,
      },
      output: {
        ...linkOutput,
        ...nodePoolOutput,
        replicas: z => z.number({ description: 'Desired replicas' }),
        readyReplicas: z =>
          z.number({ description: 'Ready replicas (0 in a dry run)' }),
        created: z =>
          z.boolean({
            description:
              'Whether this run added the pool (false when it already existed as asked)',
          }),
      },
    },
    async handler(ctx) {
      const { input, logger, signal } = ctx;
      const { namespace, name } = input;

      const problems = new InputProblems();
      const resolved = await resolveNodePoolTarget(
        clients,
        input,
        problems,
        signal,
      );
      const spec: NodePoolSpec = await resolveNodePool(
        '',
        input,
        resolved?.live,
        problems,
      );
      if (resolved) {
        await checkNodePoolVersion(resolved.live, resolved.cluster, problems);
      }
      const { target } = problems.valid({ target: resolved });
      const { config, supervisor, supervisorConfig, cluster } = target;

      const object = clusterObject(target, namespace, cluster.name);
      const entityRef = authorizer.entityRefOf(object);
      const credentials = await ctx.getInitiatorCredentials();
      await authorizer.authorize({
        object,
        permission: vsphereNodePoolCreatePermission,
        credentials,
        what: `add node pool '${name}' to cluster '${cluster.name}'`,
      });

      if (spec.vmClass) {
        await checkVmsFit({
          vcenter: target.vcenter,
          cluster: supervisorConfig.cluster,
          namespace,
          vms: [{ vmClass: spec.vmClass, count: spec.replicas }],
          what: `node pool '${name}' (${spec.replicas} x ${spec.vmClass})`,
          logger: ctx.logger,
          signal: ctx.signal,
        });
      }

      const outputPoolLinks = (pool?: NodePool) => {
        outputLinks(ctx, {
          config,
          supervisorConfig,
          namespace,
          entityRef,
          cluster: cluster.name,
        });
        ctx.output('cluster', cluster.name);
        ctx.output('nodePool', name);
        ctx.output('replicas', spec.replicas);
        ctx.output('readyReplicas', pool?.readyReplicas ?? 0);
      };

      /** Undefined when the pool must be added; throws when one of that name differs. */
      const checkExisting = async () => {
        const current = await supervisor.getWorkloadCluster(
          namespace,
          cluster.name,
          { signal },
        );
        const existing = current.nodePools.find(p => p.name === name);
        if (!existing) {
          return undefined;
        }
        const differing = poolDifferences(existing, spec);
        if (differing.length) {
          throw new ConflictError(
            `Node pool '${name}' already exists in cluster '${
              cluster.name
            }' and differs in: ${differing.join(
              ', ',
            )}; scale it with vsphere:nodepool:scale or choose another name`,
          );
        }
        return existing;
      };
      const summary = `node pool '${name}' with ${spec.replicas} node(s)${
        spec.vmClass ? ` of class ${spec.vmClass}` : ''
      } to cluster '${cluster.name}' (now: ${
        cluster.nodePools.map(describePool).join(', ') || 'no node pools'
      })`;

      const run = await createOnce({
        ctx,
        what: `node pool '${name}'`,
        summary,
        verb: { base: 'add', gerund: 'adding' },
        checkpointKey: `vsphere.nodepool.create.${config.name}.${supervisorConfig.name}.${namespace}.${cluster.name}.${name}`,
        findExisting: checkExisting,
        auditor,
        audit: {
          eventId: 'nodepool-create',
          meta: {
            ...initiatorMeta(ctx, credentials),
            vcenter: config.name,
            supervisor: supervisorConfig.name,
            namespace,
            cluster: cluster.name,
            nodePool: name,
            replicas: spec.replicas,
          },
        },
        create: () =>
          supervisor.addNodePool(namespace, cluster.name, spec, { signal }),
      });
      if (run.dryRun) {
        outputPoolLinks(run.existing);
        ctx.output('created', false);
        return;
      }
      const { created } = run;

      const pool = await waitForNodePool({
        supervisor,
        namespace,
        cluster: cluster.name,
        pool: name,
        timeoutMs: (input.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
        intervalMs,
        logger,
        signal,
      });
      outputPoolLinks(pool);
      ctx.output('created', created);
    },
  });
}
