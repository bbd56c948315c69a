import { checkVmsFit } from '../lib/fitCheck';
import { ConflictError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  VmServiceImage,
  VmServiceVm,
  vsphereVmCreatePermission,
} from '@backstage-vsphere/plugin-vsphere-common';
import { VirtualMachineSpec } from '@backstage-vsphere/plugin-vsphere-node';
import { createOnce } from '../lib/createOnce';
import { namespaceObject, vmObject } from '../lib/entityRefs';
import { initiatorMeta } from '../lib/audit';
import {
  OWNER_ANNOTATION,
  linkOutput,
  ownerInput,
  targetInput,
  waitInput,
} from '../lib/inputs';
import { vmClientUrl } from '@backstage-vsphere/plugin-vsphere-node';
import {
  checkDnsLabel,
  checkEntityRef,
  checkLabels,
  checkSshPublicKeys,
} from '../lib/names';
import { NamespaceOptions } from '../lib/namespaceOptions';
import {
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_TIMEOUT_SECONDS,
  VsphereActionOptions,
} from '../lib/options';
import { InputProblems } from '../lib/problems';
import { publishCreated } from '../lib/published';
import { resolveSupervisor } from '../lib/target';
import { findVm, vmDifferences, waitForVm } from '../lib/vmState';
import { checkVmSize } from '../lib/vmSize';
import { outputLinks } from '../lib/outputs';
import { ZONE_LABEL, checkZones } from '../lib/zones';
import { examples } from './vsphereVmCreate.examples';

/**
 * Creates a VM Service virtual machine (`vsphere:vm:create`).
 * @public
 */
export function createVsphereVmCreateAction(options: VsphereActionOptions) {
  const { clients, auditor, events, authorizer } = options;
  const intervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  return createTemplateAction({
    id: 'vsphere:vm:create',
    description:
      'Creates a VM Service virtual machine in a Supervisor namespace and waits until it is powered on with an IP address',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...targetInput,
        namespace: z =>
          z.string({ description: 'Supervisor namespace of the VM' }),
        name: z =>
          z.string({
            description:
              'VM name: a DNS-1123 label (at most 63 lower-case letters, digits and -)',
          }),
        className: z =>
          z.string({
            description:
              'VM class assigned to the namespace, e.g. `best-effort-small`',
          }),
        imageName: z =>
          z.string({
            description:
              'Image the namespace can use (VirtualMachineImage or ClusterVirtualMachineImage name)',
          }),
        storageClass: z =>
          z
            .string({
              description:
                'Storage class (or storage policy name) for the VM disks; the namespace default when omitted',
            })
            .optional(),
        powerState: z =>
          z
            .enum(['PoweredOn', 'PoweredOff'], {
              description:
                'Power state to create the VM in (default PoweredOn)',
            })
            .optional(),
        cpus: z =>
          z
            .number({
              description:
                "vCPUs of this VM instead of its class's (VM Operator v1alpha6 and later)",
            })
            .optional(),
        memory: z =>
          z
            .string({
              description:
                "Memory of this VM instead of its class's, e.g. `12Gi` (VM Operator v1alpha6 and later)",
            })
            .optional(),
        labels: z =>
          z
            .record(z.string(), {
              description: 'Kubernetes labels of the VM, e.g. `app: payments`',
            })
            .optional(),
        zone: z =>
          z
            .string({
              description:
                "vSphere zone to place the VM in, e.g. `zone-a` (label `topology.kubernetes.io/zone`); one of the namespace's zones",
            })
            .optional(),
        sshAuthorizedKeys: z =>
          z
            .array(z.string(), {
              description:
                "OpenSSH public keys cloud-init gives the guest's default user",
            })
            .optional(),
        ...ownerInput,
        ...waitInput,
      },
      output: {
        ...linkOutput,
        namespace: z => z.string({ description: 'Supervisor namespace' }),
        name: z => z.string({ description: 'VM name' }),
        uniqueId: z =>
          z.string({
            description:
              'vCenter managed object id of the VM (`status.uniqueID`), e.g. `vm-42`; empty in a dry run',
          }),
        ipAddress: z =>
          z.string({
            description: 'Primary IPv4 address; empty when powered off',
          }),
        powerState: z =>
          z.string({ description: 'Power state the VM reports' }),
        created: z =>
          z.boolean({
            description:
              'Whether this run created the VM (false when it already existed as asked)',
          }),
      },
    },
    async handler(ctx) {
      const { input, logger, signal } = ctx;
      const { namespace, name } = input;
      const powerState = input.powerState ?? 'PoweredOn';

      const problems = new InputProblems();
      const namespaceValid = problems.check(() =>
        checkDnsLabel('namespace', namespace),
      );
      problems.check(() => checkDnsLabel('name', name));
      problems.check(() => checkLabels('labels', input.labels ?? {}));
      problems.check(() =>
        checkSshPublicKeys('sshAuthorizedKeys', input.sshAuthorizedKeys ?? []),
      );
      const { owner } = input;
      if (owner) {
        problems.check(() => checkEntityRef('owner', owner));
      }
      const resolved = problems.check(() =>
        resolveSupervisor(clients, input.vcenter, input.supervisor),
      );
      const size = resolved
        ? await checkVmSize(resolved.supervisor, input, problems)
        : undefined;
      let foundImage: VmServiceImage | undefined;
      let foundClass: string | undefined;
      let storageClass: string | undefined;
      const live =
        resolved && namespaceValid
          ? new NamespaceOptions(resolved, namespace, signal)
          : undefined;
      // Classes and images are per namespace: without one there is nothing to check them against.
      const namespaceFound =
        live && (await problems.checkAsync(() => live.checkNamespace()));
      if (live && namespaceFound) {
        foundClass = await problems.checkAsync(() =>
          live.vmClass('className', input.className),
        );
        foundImage = await problems.checkAsync(() =>
          live.image('imageName', input.imageName),
        );
      }
      const { zone } = input;
      if (resolved && namespaceFound && zone) {
        await checkZones({
          target: resolved,
          field: 'zone',
          zones: [zone],
          single: true,
          namespace,
          problems,
          signal,
        });
        const labelled = input.labels?.[ZONE_LABEL];
        if (labelled !== undefined && labelled !== zone) {
          problems.add(
            `labels: '${ZONE_LABEL}' is '${labelled}' but zone is '${zone}'; set only zone`,
          );
        }
      }
      const asked = input.storageClass;
      if (live && asked) {
        storageClass = await problems.checkAsync(() =>
          live.storageClass('storageClass', asked),
        );
      }
      const { target, className, image } = problems.valid({
        target: resolved,
        className: foundClass,
        image: foundImage,
      });
      const { config, supervisor, supervisorConfig } = target;

      const credentials = await ctx.getInitiatorCredentials();
      await authorizer.authorize({
        object: namespaceObject(target, namespace),
        permission: vsphereVmCreatePermission,
        credentials,
        what: `create VM '${name}' in namespace '${namespace}'`,
      });

      await checkVmsFit({
        vcenter: target.vcenter,
        cluster: supervisorConfig.cluster,
        namespace,
        vms: [{ vmClass: className, count: 1 }],
        what: `VM '${name}' (class ${className})`,
        logger,
        signal,
      });

      const spec: VirtualMachineSpec = {
        name,
        namespace,
        className: className,
        imageName: image.name,
        imageKind: image.kind,
        powerState,
        ...(storageClass ? { storageClass } : {}),
        ...(size ? { size } : {}),
        ...(input.labels || zone
          ? { labels: { ...input.labels, ...(zone && { [ZONE_LABEL]: zone }) } }
          : {}),
        ...(input.owner
          ? { annotations: { [OWNER_ANNOTATION]: input.owner } }
          : {}),
        ...(input.sshAuthorizedKeys?.length
          ? {
              bootstrap: {
                cloudInit: { sshAuthorizedKeys: input.sshAuthorizedKeys },
              },
            }
          : {}),
      };
      const entityRef = authorizer.entityRefOf(
        vmObject(target, namespace, name),
      );
      const outputVmLinks = (vm?: VmServiceVm) => {
        outputLinks(ctx, {
          config,
          supervisorConfig,
          namespace,
          entityRef,
          vsphereClientUrl: vmClientUrl(config, namespace, vm?.uniqueID),
        });
        ctx.output('name', name);
        ctx.output('uniqueId', vm?.uniqueID ?? '');
        ctx.output('ipAddress', vm?.primaryIP4 ?? '');
        ctx.output('powerState', vm?.powerState ?? 'NOT_CREATED');
      };

      /** Undefined when the VM must be created; throws when one differs. */
      const checkExisting = async () => {
        const existing = await findVm(supervisor, namespace, name, signal);
        if (!existing) {
          return undefined;
        }
        const differing = vmDifferences(existing, spec);
        if (differing.length) {
          throw new ConflictError(
            `VM '${name}' already exists in namespace '${namespace}' and differs in: ${differing.join(
              ', ',
            )}; choose another name`,
          );
        }
        return existing;
      };
      const summary = `VM '${name}' in namespace '${namespace}' (class ${
        spec.className
      }, image ${spec.imageName}${
        storageClass ? `, storage class ${storageClass}` : ''
      }${zone ? `, zone ${zone}` : ''}, ${powerState})`;

      const run = await createOnce({
        ctx,
        what: `VM '${name}'`,
        summary,
        checkpointKey: `vsphere.vm.create.${config.name}.${supervisorConfig.name}.${namespace}.${name}`,
        findExisting: checkExisting,
        auditor,
        audit: {
          eventId: 'vm-create',
          meta: {
            ...initiatorMeta(ctx, credentials),
            vcenter: config.name,
            supervisor: supervisorConfig.name,
            namespace,
            vm: name,
          },
        },
        create: () => supervisor.applyVirtualMachine(spec, { signal }),
      });
      if (run.dryRun) {
        outputVmLinks(run.existing);
        ctx.output('created', false);
        return;
      }
      const { created } = run;

      const vm = await waitForVm({
        supervisor,
        namespace,
        name,
        powerState,
        timeoutMs: (input.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
        intervalMs,
        logger,
        signal,
      });
      await publishCreated(events, logger, {
        vcenter: config.name,
        kind: 'vm',
        namespace,
        name,
        ...(input.owner ? { owner: input.owner } : {}),
      });
      outputVmLinks(vm);
      ctx.output('created', created);
      logger.info(
        `VM '${name}' is ${vm.powerState}${
          vm.primaryIP4 ? ` at ${vm.primaryIP4}` : ''
        }; catalog entity ${entityRef}`,
      );
    },
  });
}
