import { checkVmsFit } from '../lib/fitCheck';
import { ConflictError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  DEFAULT_CLUSTER_CLASS,
  WorkloadCluster,
  vsphereClusterCreatePermission,
} from '@backstage-vsphere/plugin-vsphere-common';
import { ClusterSpec } from '@backstage-vsphere/plugin-vsphere-node';
import { createOnce } from '../lib/createOnce';
import { findCluster, waitForCluster } from '../lib/clusterState';
import {
  CONTROL_PLANE_SIZES,
  checkVersion,
  checkVersionFormat,
  clusterDifferences,
} from '../lib/clusterSpec';
import { clusterObject, namespaceObject } from '../lib/entityRefs';
import { initiatorMeta } from '../lib/audit';
import {
  OWNER_ANNOTATION,
  linkOutput,
  ownerInput,
  targetInput,
  waitInput,
} from '../lib/inputs';
import {
  checkDnsLabel,
  checkEntityRef,
  checkLabels,
  checkUnique,
} from '../lib/names';
import { NamespaceOptions } from '../lib/namespaceOptions';
import { nodePoolFields, resolveNodePool } from '../lib/nodePoolSpec';
import {
  DEFAULT_CLUSTER_TIMEOUT_SECONDS,
  DEFAULT_POLL_INTERVAL_MS,
  VsphereActionOptions,
} from '../lib/options';
import { InputProblems } from '../lib/problems';
import { publishCreated } from '../lib/published';
import { resolveSupervisor } from '../lib/target';
import { outputLinks } from '../lib/outputs';
import { examples } from './vsphereClusterCreate.examples';

/**
 * Creates a Cluster API workload cluster on the Supervisor's ClusterClass (`vsphere:cluster:create`).
 * @public
 */
export function createVsphereClusterCreateAction(
  options: VsphereActionOptions,
) {
  const { clients, auditor, events, authorizer } = options;
  const intervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  return createTemplateAction({
    id: 'vsphere:cluster:create',
    description:
      "Creates a Kubernetes workload cluster (Cluster API, on the Supervisor's ClusterClass) with node pools and waits until every node is ready",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...targetInput,
        namespace: z =>
          z.string({ description: 'Supervisor namespace of the cluster' }),
        name: z =>
          z.string({
            description:
              'Cluster name: a DNS-1123 label (at most 63 lower-case letters, digits and -)',
          }),
        version: z =>
          z.string({
            description:
              'Kubernetes release, e.g. `v1.33.3+vmware.1-fips`; an image of the namespace must provide it',
          }),
        clusterClass: z =>
          z
            .string({
              description:
                'ClusterClass of the Supervisor (default `tanzukubernetescluster`)',
            })
            .optional(),
        workerClass: z =>
          z
            .string({
              description:
                'Worker class of the ClusterClass the node pools use (default `node-pool`)',
            })
            .optional(),
        controlPlaneReplicas: z =>
          z
            .number({ description: 'Control plane nodes: 1 or 3 (default 1)' })
            .int()
            .optional(),
        vmClass: z =>
          z.string({
            description: 'VM class of every node unless a pool sets its own',
          }),
        storageClass: z =>
          z.string({
            description:
              'Storage class (or storage policy name) of every node unless a pool sets its own',
          }),
        nodePools: z =>
          z
            .array(
              z.object({
                name: nodePoolFields.name(z),
                replicas: nodePoolFields.replicas(z),
                vmClass: nodePoolFields.vmClass(z),
                storageClass: nodePoolFields.storageClass(z),
                failureDomain: nodePoolFields.failureDomain(z),
              }),
              { description: 'Worker node pools; at least one' },
            )
            .min(1),
        labels: z =>
          z
            .record(z.string(), { description: 'Labels of the Cluster object' })
            .optional(),
        ...ownerInput,
        ...waitInput,
      },
      output: {
        ...linkOutput,
        namespace: z => z.string({ description: 'Supervisor namespace' }),
        name: z => z.string({ description: 'Cluster name' }),
        phase: z =>
          z.string({
            description:
              'Cluster phase, e.g. `Provisioned`; a dry run reports NOT_CREATED',
          }),
        nodePools: z =>
          z.array(
            z.object({
              name: z.string(),
              replicas: z.number(),
              readyReplicas: z.number(),
            }),
            { description: 'Node pools with their ready replicas' },
          ),
        created: z =>
          z.boolean({
            description:
              'Whether this run created the cluster (false when it already existed as asked)',
          }),
      },
    },
    async handler(ctx) {
      const { input, logger, signal } = ctx;
      const { namespace, name } = input;
      const controlPlaneReplicas = input.controlPlaneReplicas ?? 1;

      const problems = new InputProblems();
      const namespaceValid = problems.check(() =>
        checkDnsLabel('namespace', namespace),
      );
      problems.check(() => checkDnsLabel('name', name));
      if (!CONTROL_PLANE_SIZES.includes(controlPlaneReplicas)) {
        problems.add(
          `controlPlaneReplicas: ${controlPlaneReplicas} is not allowed; use 1 or 3`,
        );
      }
      problems.check(() =>
        checkUnique(
          'nodePools',
          (input.nodePools ?? []).map(p => p.name),
        ),
      );
      problems.check(() => checkLabels('labels', input.labels ?? {}));
      const { owner } = input;
      if (owner) {
        problems.check(() => checkEntityRef('owner', owner));
      }
      const resolved = problems.check(() =>
        resolveSupervisor(clients, input.vcenter, input.supervisor),
      );
      const live =
        resolved && namespaceValid
          ? new NamespaceOptions(resolved, namespace, signal)
          : undefined;
      const known =
        live && (await problems.checkAsync(() => live.checkNamespace()));
      const scoped = known ? live : undefined;
      let foundClass: string | undefined;
      let foundStorage: string | undefined;
      const clusterClass = input.clusterClass ?? DEFAULT_CLUSTER_CLASS;
      const workerClass = input.workerClass ?? 'node-pool';
      if (scoped) {
        await problems.checkAsync(() =>
          scoped.clusterClass(
            'clusterClass',
            clusterClass,
            'workerClass',
            workerClass,
          ),
        );
        await problems.checkAsync(() =>
          checkVersion(scoped, input.version, clusterClass),
        );
        foundClass = await problems.checkAsync(() =>
          scoped.vmClass('vmClass', input.vmClass),
        );
      } else {
        problems.check(() => checkVersionFormat(input.version));
      }
      if (live) {
        foundStorage = await problems.checkAsync(() =>
          live.storageClass('storageClass', input.storageClass),
        );
      }
      const nodePools = [];
      for (const [i, pool] of (input.nodePools ?? []).entries()) {
        nodePools.push(
          await resolveNodePool(`nodePools[${i}].`, pool, scoped, problems),
        );
      }
      const { target, vmClass, storageClass } = problems.valid({
        target: resolved,
        vmClass: foundClass,
        storageClass: foundStorage,
      });
      const { config, supervisor, supervisorConfig } = target;

      const credentials = await ctx.getInitiatorCredentials();
      await authorizer.authorize({
        object: namespaceObject(target, namespace),
        permission: vsphereClusterCreatePermission,
        credentials,
        what: `create cluster '${name}' in namespace '${namespace}'`,
      });

      const spec: ClusterSpec = {
        name,
        namespace,
        clusterClass,
        version: input.version,
        controlPlaneReplicas,
        vmClass: vmClass,
        storageClass: storageClass,
        nodePools: nodePools.map(p => ({ ...p, class: workerClass })),
        ...(input.labels ? { labels: input.labels } : {}),
        ...(input.owner
          ? { annotations: { [OWNER_ANNOTATION]: input.owner } }
          : {}),
      };
      await checkVmsFit({
        vcenter: target.vcenter,
        cluster: supervisorConfig.cluster,
        namespace,
        vms: [
          { vmClass: spec.vmClass, count: controlPlaneReplicas },
          ...spec.nodePools.map(p => ({
            vmClass: p.vmClass ?? spec.vmClass,
            count: p.replicas,
          })),
        ],
        what: `cluster '${name}'`,
        logger,
        signal,
      });
      const entityRef = authorizer.entityRefOf(
        clusterObject(target, namespace, name),
      );
      const outputClusterLinks = (cluster?: WorkloadCluster) => {
        outputLinks(ctx, {
          config,
          supervisorConfig,
          namespace,
          entityRef,
          cluster: name,
        });
        ctx.output('name', name);
        ctx.output('phase', cluster?.phase ?? 'NOT_CREATED');
        ctx.output(
          'nodePools',
          (cluster?.nodePools ?? []).map(p => ({
            name: p.name,
            replicas: p.desiredReplicas,
            readyReplicas: p.readyReplicas,
          })),
        );
      };

      /** Undefined when the cluster must be created; throws when one differs. */
      const checkExisting = async () => {
        const existing = await findCluster(supervisor, namespace, name, signal);
        if (!existing) {
          return undefined;
        }
        const differing = clusterDifferences(existing, spec);
        if (differing.length) {
          throw new ConflictError(
            `Cluster '${name}' already exists in namespace '${namespace}' and differs in: ${differing.join(
              ', ',
            )}; change it with the node pool actions or choose another name`,
          );
        }
        return existing;
      };
      const summary = `cluster '${name}' in namespace '${namespace}' (${
        spec.clusterClass
      }, ${
        spec.version
      }, ${controlPlaneReplicas} control plane node(s), node pools ${spec.nodePools
        .map(p => `${p.name}×${p.replicas}`)
        .join(', ')})`;

      const run = await createOnce({
        ctx,
        what: `cluster '${name}'`,
        summary,
        checkpointKey: `vsphere.cluster.create.${config.name}.${supervisorConfig.name}.${namespace}.${name}`,
        findExisting: checkExisting,
        auditor,
        audit: {
          eventId: 'cluster-create',
          meta: {
            ...initiatorMeta(ctx, credentials),
            vcenter: config.name,
            supervisor: supervisorConfig.name,
            namespace,
            cluster: name,
          },
        },
        create: () => supervisor.applyCluster(spec, { signal }),
      });
      if (run.dryRun) {
        outputClusterLinks(run.existing);
        ctx.output('created', false);
        return;
      }
      const { created } = run;

      const cluster = await waitForCluster({
        supervisor,
        namespace,
        cluster: name,
        timeoutMs:
          (input.timeoutSeconds ?? DEFAULT_CLUSTER_TIMEOUT_SECONDS) * 1000,
        intervalMs,
        logger,
        signal,
      });
      await publishCreated(events, logger, {
        vcenter: config.name,
        kind: 'cluster',
        namespace,
        name,
        ...(input.owner ? { owner: input.owner } : {}),
      });
      outputClusterLinks(cluster);
      ctx.output('created', created);
      logger.info(
        `Cluster '${name}' is ${
          cluster.phase ?? 'ready'
        }; catalog entity ${entityRef}`,
      );
    },
  });
}
