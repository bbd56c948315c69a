import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { vsphereNamespaceCreatePermission } from '@backstage-vsphere/plugin-vsphere-common';
import { NamespaceCreateSpec } from '@backstage-vsphere/plugin-vsphere-node';
import { createOnce } from '../lib/createOnce';
import { checkLimitsFit } from '../lib/fitCheck';
import { namespaceObject } from '../lib/entityRefs';
import { initiatorMeta } from '../lib/audit';
import { authorizeInitiator } from '../lib/guard';
import { linkOutput, ownerInput, targetInput, waitInput } from '../lib/inputs';
import { checkDnsLabel } from '../lib/names';
import {
  NamespaceSettings,
  checkNamespaceSettings,
  describeNamespaceSettings,
  namespaceSettingsInput,
  resolveNamespaceSettings,
} from '../lib/namespaceSettings';
import { namespaceDifferences } from '../lib/namespaceDifferences';
import { findNamespace, waitForNamespaceRunning } from '../lib/namespaceState';
import {
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_TIMEOUT_SECONDS,
  VsphereActionOptions,
} from '../lib/options';
import { InputProblems } from '../lib/problems';
import { namespaceEvent, publishCreated } from '../lib/published';
import { listNames } from '../lib/resolve';
import { SupervisorTarget, resolveSupervisor } from '../lib/target';
import { outputLinks } from '../lib/outputs';
import { checkZones } from '../lib/zones';
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
        zones: z =>
          z
            .array(z.string(), {
              description:
                "vSphere zones of the Supervisor to place the namespace in, e.g. `zone-a`; needs vSphere 9 (the v2 namespaces API). Checked against the Supervisor's zones",
            })
            .optional(),
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
      const resolved = problems.check(() =>
        resolveSupervisor(clients, input.vcenter, input.supervisor),
      );
      let settings: NamespaceSettings = {};
      if (resolved) {
        await problems.checkAsync(() =>
          checkSupervisorCluster(resolved, signal),
        );
        settings = await resolveNamespaceSettings(
          resolved.vcenter,
          input,
          problems,
          signal,
        );
        if (input.zones) {
          settings.zones = await checkZones({
            target: resolved,
            field: 'zones',
            zones: input.zones,
            problems,
            signal,
          });
        }
      } else {
        checkNamespaceSettings(input, problems);
      }
      const { target } = problems.valid({ target: resolved });
      const { config, vcenter, supervisor, supervisorConfig } = target;
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

      const entityRef = authorizer.entityRefOf(namespaceObject(target, name));
      const outputNamespaceLinks = () => {
        outputLinks(ctx, {
          config,
          supervisorConfig,
          namespace: name,
          entityRef,
        });
        ctx.output('supervisorCluster', cluster);
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
        outputNamespaceLinks();
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
      outputNamespaceLinks();
      ctx.output('configStatus', ready.configStatus);
      ctx.output('created', created);
      logger.info(
        `Supervisor namespace '${name}' is ${ready.configStatus}; catalog entity ${entityRef}`,
      );
    },
  });
}
