import { checkLimitsFit } from '../lib/fitCheck';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { vsphereNamespaceUpdatePermission } from '@backstage-vsphere/plugin-vsphere-common';
import {
  NamespaceUpdateSpec,
  SupervisorNamespace,
} from '@backstage-vsphere/plugin-vsphere-node';
import { audited, initiatorMeta } from '../lib/audit';
import { namespaceObject } from '../lib/entityRefs';
import { linkOutput, targetInput, waitInput } from '../lib/inputs';
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
import { resolveSupervisor } from '../lib/target';
import { outputLinks } from '../lib/outputs';
import { examples } from './vsphereNamespaceUpdate.examples';

const SETTINGS = Object.keys(namespaceSettingsInput);

/**
 * The PATCH body for the changed fields. vCenter replaces `vm_service_spec` and `resource_spec`
 * as a whole, so what the input leaves out is carried over from the current namespace.
 */
function updateSpec(
  current: SupervisorNamespace,
  wanted: NamespaceSettings,
  changed: string[],
): NamespaceUpdateSpec {
  const has = (...fields: string[]) => fields.some(f => changed.includes(f));
  const spec: NamespaceUpdateSpec = {};
  if (has('description')) spec.description = wanted.description;
  if (has('storagePolicies')) spec.storageSpecs = wanted.storageSpecs;
  if (has('accessList')) spec.accessList = wanted.accessList;
  if (has('vmClasses', 'contentLibraries')) {
    spec.vmServiceSpec = {
      vmClasses: wanted.vmClasses ?? current.vmServiceSpec?.vmClasses ?? [],
      contentLibraries:
        wanted.contentLibraries ??
        current.vmServiceSpec?.contentLibraries ??
        [],
    };
  }
  if (has('cpuLimit', 'memoryLimit', 'storageLimit')) {
    spec.resourceSpec = { ...current.resourceSpec, ...wanted.resourceSpec };
  }
  return spec;
}

/**
 * Changes a Supervisor namespace (`vsphere:namespace:update`).
 * @public
 */
export function createVsphereNamespaceUpdateAction(
  options: VsphereActionOptions,
) {
  const { clients, auditor, authorizer, events } = options;
  const intervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  return createTemplateAction({
    id: 'vsphere:namespace:update',
    description:
      'Changes the storage policies, VM classes, content libraries, limits, access or description of a Supervisor namespace; settings left out stay as they are',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...targetInput,
        name: z => z.string({ description: 'Name of the existing namespace' }),
        ...namespaceSettingsInput,
        ...waitInput,
      },
      output: {
        ...linkOutput,
        namespace: z => z.string({ description: 'The namespace name' }),
        changedFields: z =>
          z.array(z.string(), {
            description:
              'Settings this run changed (or a dry run would change); empty when all were already as asked',
          }),
        configStatus: z =>
          z.string({ description: 'Config status vCenter reports' }),
      },
    },
    async handler(ctx) {
      const { input, logger, signal } = ctx;
      const name = input.name;

      const problems = new InputProblems();
      const nameValid = problems.check(() => checkDnsLabel('name', name));
      if (
        !SETTINGS.some(
          key => (input as Record<string, unknown>)[key] !== undefined,
        )
      ) {
        problems.add(
          `input: name at least one setting to change: ${SETTINGS.join(', ')}`,
        );
      }
      const resolved = problems.check(() =>
        resolveSupervisor(clients, input.vcenter, input.supervisor),
      );
      let settings: NamespaceSettings = {};
      let found: SupervisorNamespace | undefined;
      if (resolved) {
        settings = await resolveNamespaceSettings(
          resolved.vcenter,
          input,
          problems,
          signal,
        );
        found = nameValid
          ? await findNamespace(resolved.vcenter, name, signal)
          : undefined;
        if (nameValid && !found) {
          problems.add(
            `name: Supervisor namespace '${name}' does not exist on vCenter '${resolved.config.name}'`,
          );
        }
      } else {
        checkNamespaceSettings(input, problems);
      }
      const { target, current } = problems.valid({
        target: resolved,
        current: found,
      });
      const { config, vcenter, supervisor, supervisorConfig } = target;

      const object = namespaceObject(target, name);
      const entityRef = authorizer.entityRefOf(object);
      const credentials = await ctx.getInitiatorCredentials();
      await authorizer.authorize({
        object,
        permission: vsphereNamespaceUpdatePermission,
        credentials,
        what: `update Supervisor namespace '${name}'`,
      });

      await checkLimitsFit({
        vcenter,
        cluster: current.cluster,
        namespace: name,
        // the limits as they will be: only a change to them is checked
        limits: settings.resourceSpec && {
          ...current.resourceSpec,
          ...settings.resourceSpec,
        },
        warnRatio: options.overcommitWarnRatio,
        logger: ctx.logger,
        signal,
      });

      const outputNamespaceLinks = () =>
        outputLinks(ctx, {
          config,
          supervisorConfig,
          namespace: name,
          entityRef,
        });

      const changed = namespaceDifferences(current, settings, true);
      if (ctx.isDryRun) {
        logger.info(
          changed.length
            ? `Dry run: would change ${changed.join(
                ', ',
              )} of Supervisor namespace '${name}' to ${describeNamespaceSettings(
                input,
              )}`
            : `Dry run: Supervisor namespace '${name}' is already as asked; nothing would change`,
        );
        outputNamespaceLinks();
        ctx.output('changedFields', changed);
        ctx.output('configStatus', current.configStatus);
        return;
      }

      const result = await ctx.checkpoint({
        key: `vsphere.namespace.update.${config.name}.${name}`,
        fn: async () => {
          // Re-read: a retried step must compare with what the first attempt may have changed.
          const now = await findNamespace(vcenter, name, signal);
          if (!now) {
            throw new InputError(
              `name: Supervisor namespace '${name}' does not exist on vCenter '${config.name}'`,
            );
          }
          const fields = namespaceDifferences(now, settings, true);
          if (!fields.length) {
            logger.info(
              `Supervisor namespace '${name}' is already as asked; nothing to change`,
            );
            return { changedFields: [] };
          }
          logger.info(
            `Changing ${fields.join(', ')} of Supervisor namespace '${name}'`,
          );
          await audited(
            auditor,
            {
              eventId: 'namespace-update',
              meta: {
                ...initiatorMeta(ctx, credentials),
                vcenter: config.name,
                namespace: name,
                changedFields: fields,
              },
            },
            () =>
              vcenter.updateNamespace(name, updateSpec(now, settings, fields), {
                signal,
              }),
          );
          return { changedFields: fields };
        },
      });

      const ready = await waitForNamespaceRunning({
        vcenter,
        supervisor,
        name,
        timeoutMs: (input.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
        intervalMs,
        logger,
        signal,
      });
      // also after a retry that found the change made: replicas and the catalog re-read it now
      await publishCreated(events, logger, namespaceEvent(config.name, name));
      outputNamespaceLinks();
      ctx.output('changedFields', result.changedFields);
      ctx.output('configStatus', ready.configStatus);
    },
  });
}
