import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { vsphereNamespaceCreatePermission } from '@backstage-vsphere/plugin-vsphere-common';
import { NamespaceCreateSpec } from '@backstage-vsphere/plugin-vsphere-node';
import { createOnce } from './createOnce';
import { checkLimitsFit } from './fitCheck';
import { namespaceObject } from './entityRefs';
import { initiatorMeta } from './audit';
import { authorizeInitiator } from './guard';
import { linkOutput, ownerInput, targetInput, waitInput } from './inputs';
import {
  kubectlLoginCommand,
  namespaceClientUrl,
} from '@backstage-vsphere/plugin-vsphere-node';
import { checkDnsLabel } from './names';
import {
  NamespaceSettings,
  checkNamespaceSettings,
  describeNamespaceSettings,
  namespaceSettingsInput,
  resolveNamespaceSettings,
} from './namespaceSettings';
import { namespaceDifferences } from './namespaceDifferences';
import { findNamespace, waitForNamespaceRunning } from './namespaceState';
import {
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_TIMEOUT_SECONDS,
  VsphereActionOptions,
} from './options';
import { InputProblems } from './problems';
import { namespaceEvent, publishCreated } from './published';
import { listNames } from './resolve';
import { SupervisorTarget, resolveSupervisor } from './target';
import { examples } from './vsphereNamespaceCreate.examples';

/** Throws unless vCenter lists the Supervisor's cluster among its Supervisor clusters. */
async function checkSupervisorCluster(
  target: SupervisorTarget,
  signal?: AbortSignal,
) {
  const enabled = await target.vcenter.listSupervisorClusters({ signal });
  const cluster = target.supervisorConfig.cluster;
  if (!enabled.some(c => c.cluster === cluster)) {
    throw new InputError(
      `supervisor: cluster '${cluster}' of Supervisor '${
        target.supervisorConfig.name
      }' is not a Supervisor cluster of vCenter '${
        target.config.name
      }'; Supervisor clusters: ${listNames(enabled.map(c => c.cluster))}`,
    );
  }
}

function createSpec(
  name: string,
  cluster: string,
  settings: NamespaceSettings,
): NamespaceCreateSpec {
  const { vmClasses, contentLibraries, ...rest } = settings;
  const vmService = vmClasses || contentLibraries;
  return {
    cluster,
    namespace: name,
    ...rest,
    ...(vmService
      ? {
          vmServiceSpec: {
            vmClasses: vmClasses ?? [],
            contentLibraries: contentLibraries ?? [],
          },
        }
      : {}),
  };
}

/**
 * Creates a Supervisor namespace (`vsphere:namespace:create`).
 * @public
 */
export function createVsphereNamespaceCreateAction(
  options: VsphereActionOptions,
) {
  const { clients, permissions, auditor, events, authorizer } = options;
  const intervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  return createTemplateAction({
    id: 'vsphere:namespace:create',
    description:
      'Creates a Supervisor namespace with storage policies, VM classes, content libraries, limits and access, and waits until it is running',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...targetInput,
        name: z =>
          z.string({
            description:
              'Namespace name: a DNS-1123 label (at most 63 lower-case letters, digits and -)',
          }),
        ...namespaceSettingsInput,
        ...ownerInput,
        ...waitInput,
      },
      output: {
        ...linkOutput,
        namespace: z => z.string({ description: 'The namespace name' }),
        supervisorCluster: z =>
          z.string({
            description:
              'vCenter id of the Supervisor cluster, e.g. `domain-c8`',
          }),
        configStatus: z =>
          z.string({
            description:
              'Config status vCenter reports (RUNNING once ready; a dry run reports the current one or NOT_CREATED)',
          }),
        created: z =>
          z.boolean({
            description:
              'Whether this run created the namespace (false when it already existed as asked)',
          }),
      },
    },
    async handler(ctx) {
      const { input, logger, signal } = ctx;
      const name = input.name;

      const problems = new InputProblems();
      problems.check(() => checkDnsLabel('name', name));
      const target = problems.check(() =>
        resolveSupervisor(clients, input.vcenter, input.supervisor),
      );
      let settings: NamespaceSettings = {};
      if (target) {
        await problems.checkAsync(() => checkSupervisorCluster(target, signal));
        settings = await resolveNamespaceSettings(
          target.vcenter,
          input,
          problems,
          signal,
        );
      } else {
        checkNamespaceSettings(input, problems);
      }
      problems.throwIfAny();
      const { config, vcenter, supervisor, supervisorConfig } = target!;
      const cluster = supervisorConfig.cluster;

      const credentials = await ctx.getInitiatorCredentials();
      await authorizeInitiator({
        permissions,
        credentials,
        permission: vsphereNamespaceCreatePermission,
        what: `create Supervisor namespace '${name}'`,
      });

      await checkLimitsFit({
        vcenter,
        cluster,
        namespace: name,
        limits: settings.resourceSpec,
        warnRatio: options.overcommitWarnRatio,
        logger: ctx.logger,
        signal,
      });

      const entityRef = authorizer.entityRefOf(namespaceObject(target!, name));
      const outputLinks = () => {
        ctx.output('vcenter', config.name);
        ctx.output('namespace', name);
        ctx.output('supervisorCluster', cluster);
        ctx.output('entityRef', entityRef);
        ctx.output('vsphereClientUrl', namespaceClientUrl(config, name));
        ctx.output(
          'kubectlLoginCommand',
          kubectlLoginCommand(supervisorConfig.url, name),
        );
      };

      /** Undefined when the namespace must be created; throws when one differs. */
      const checkExisting = async () => {
        const existing = await findNamespace(vcenter, name, signal);
        if (!existing) {
          return undefined;
        }
        const differing = namespaceDifferences(existing, settings, false);
        if (existing.cluster && existing.cluster !== cluster) {
          differing.unshift('supervisor');
        }
        if (differing.length) {
          throw new ConflictError(
            `Supervisor namespace '${name}' already exists on vCenter '${
              config.name
            }' and differs in: ${differing.join(
              ', ',
            )}; change it with vsphere:namespace:update or choose another name`,
          );
        }
        return existing;
      };

      const run = await createOnce({
        ctx,
        what: `Supervisor namespace '${name}'`,
        summary: `Supervisor namespace '${name}' on cluster '${cluster}' of vCenter '${
          config.name
        }' with ${describeNamespaceSettings(input)}`,
        checkpointKey: `vsphere.namespace.create.${config.name}.${name}`,
        findExisting: checkExisting,
        auditor,
        audit: {
          eventId: 'namespace-create',
          meta: {
            ...initiatorMeta(ctx, credentials),
            vcenter: config.name,
            cluster,
            namespace: name,
          },
        },
        create: () =>
          vcenter.createNamespace(createSpec(name, cluster, settings), {
            signal,
          }),
      });
      if (run.dryRun) {
        outputLinks();
        ctx.output('configStatus', run.existing?.configStatus ?? 'NOT_CREATED');
        ctx.output('created', false);
        return;
      }
      const { created } = run;

      const ready = await waitForNamespaceRunning({
        vcenter,
        supervisor,
        name,
        timeoutMs: (input.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
        intervalMs,
        logger,
        signal,
      });
      await publishCreated(
        events,
        logger,
        namespaceEvent(config.name, name, input.owner),
      );
      outputLinks();
      ctx.output('configStatus', ready.configStatus);
      ctx.output('created', created);
      logger.info(
        `Supervisor namespace '${name}' is ${ready.configStatus}; catalog entity ${entityRef}`,
      );
    },
  });
}
