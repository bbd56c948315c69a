import { z as zod } from 'zod/v3';
import {
  NamespaceAccessEntry,
  NamespaceResourceSpec,
  NamespaceStorageSpec,
  SupervisorNamespace,
  VCenterClient,
} from '@backstage-vsphere/plugin-vsphere-node';
import { checkUnique } from './names';
import { InputProblems } from './problems';
import { parseMebibytes, parseMegahertz } from './quantities';
import { resolveByName } from './resolve';

type Z = typeof zod;

/** What a namespace may be given, in the names and human units a template author uses. */
export interface NamespaceSettingsInput {
  description?: string;
  storagePolicies?: Array<{ name: string; limit?: string }>;
  vmClasses?: string[];
  contentLibraries?: string[];
  cpuLimit?: string;
  memoryLimit?: string;
  storageLimit?: string;
  accessList?: Array<{
    subjectType: 'USER' | 'GROUP';
    subject: string;
    domain: string;
    role: 'OWNER' | 'EDIT' | 'VIEW';
  }>;
  /** Create only: zones of the Supervisor to place the namespace in. */
  zones?: string[];
}

/** The settings resolved to vCenter ids and units; unset fields are left as they are. */
export interface NamespaceSettings {
  description?: string;
  storageSpecs?: NamespaceStorageSpec[];
  vmClasses?: string[];
  contentLibraries?: string[];
  resourceSpec?: NamespaceResourceSpec;
  accessList?: NamespaceAccessEntry[];
  /** Create only, checked by `checkZones`. */
  zones?: string[];
}

/** The input schema of the settings, shared by create and update. */
export const namespaceSettingsInput = {
  description: (z: Z) =>
    z.string({ description: 'What the namespace is for' }).optional(),
  storagePolicies: (z: Z) =>
    z
      .array(
        z.object({
          name: z.string({
            description:
              'Storage policy name, e.g. `vSAN Default Storage Policy`',
          }),
          limit: z
            .string({
              description:
                'Storage the namespace may use from this policy, e.g. `500Gi`; unlimited when omitted',
            })
            .optional(),
        }),
        { description: 'Storage policies the namespace may use' },
      )
      .optional(),
  vmClasses: (z: Z) =>
    z
      .array(z.string(), {
        description: 'VM classes VM Service may use, e.g. `best-effort-small`',
      })
      .optional(),
  contentLibraries: (z: Z) =>
    z
      .array(z.string(), {
        description: 'Content libraries (by name) that provide VM images',
      })
      .optional(),
  cpuLimit: (z: Z) =>
    z
      .string({ description: 'CPU limit, e.g. `10GHz` or `4000MHz`' })
      .optional(),
  memoryLimit: (z: Z) =>
    z.string({ description: 'Memory limit, e.g. `64Gi`' }).optional(),
  storageLimit: (z: Z) =>
    z
      .string({ description: 'Limit of all storage requests, e.g. `1Ti`' })
      .optional(),
  accessList: (z: Z) =>
    z
      .array(
        z.object({
          subjectType: z.enum(['USER', 'GROUP']),
          subject: z.string({
            description: 'User or group name, e.g. `devops`',
          }),
          domain: z.string({
            description: 'Identity source, e.g. `vsphere.local`',
          }),
          role: z.enum(['OWNER', 'EDIT', 'VIEW']),
        }),
        { description: 'Users and groups and their role in the namespace' },
      )
      .optional(),
};

/** The limits of {@link checkNamespaceSettings}, parsed once in vSphere units. */
export interface CheckedLimits {
  resourceSpec?: NamespaceResourceSpec;
  /** Each storage policy's limit in MiB, by the policy's index; undefined when none or bad. */
  policyLimitsMiB: (number | undefined)[];
}

/** Checks what needs no upstream: quantities, duplicates, empty names. */
export function checkNamespaceSettings(
  input: NamespaceSettingsInput,
  problems: InputProblems,
): CheckedLimits {
  const { cpuLimit, memoryLimit, storageLimit } = input;
  const resources: NamespaceResourceSpec = {};
  if (cpuLimit !== undefined) {
    resources.cpuLimitMHz = problems.check(() =>
      parseMegahertz('cpuLimit', cpuLimit),
    );
  }
  if (memoryLimit !== undefined) {
    resources.memoryLimitMiB = problems.check(() =>
      parseMebibytes('memoryLimit', memoryLimit),
    );
  }
  if (storageLimit !== undefined) {
    resources.storageRequestLimitMiB = problems.check(() =>
      parseMebibytes('storageLimit', storageLimit),
    );
  }
  const policyLimitsMiB = (input.storagePolicies ?? []).map(({ limit }, i) =>
    limit === undefined
      ? undefined
      : problems.check(() =>
          parseMebibytes(`storagePolicies[${i}].limit`, limit),
        ),
  );
  problems.check(() =>
    checkUnique(
      'storagePolicies',
      (input.storagePolicies ?? []).map(p => p.name),
    ),
  );
  problems.check(() => checkUnique('vmClasses', input.vmClasses ?? []));
  problems.check(() =>
    checkUnique('contentLibraries', input.contentLibraries ?? []),
  );
  input.accessList?.forEach((entry, i) => {
    if (!entry.subject.trim() || !entry.domain.trim()) {
      problems.add(
        `accessList[${i}]: subject and domain must not be empty (e.g. subject 'devops', domain 'vsphere.local')`,
      );
    }
  });
  return {
    resourceSpec: Object.keys(resources).length ? resources : undefined,
    policyLimitsMiB,
  };
}

/**
 * Resolves policy, VM class and library names against the vCenter; every unknown name becomes
 * a problem that lists the valid ones. Lists are read only when the input uses them.
 */
export async function resolveNamespaceSettings(
  vc: VCenterClient,
  input: NamespaceSettingsInput,
  problems: InputProblems,
  signal?: AbortSignal,
): Promise<NamespaceSettings> {
  const { resourceSpec, policyLimitsMiB } = checkNamespaceSettings(
    input,
    problems,
  );
  const where = `vCenter '${vc.name}'`;
  const [policies, classes, libraries] = await Promise.all([
    input.storagePolicies?.length ? vc.listStoragePolicies({ signal }) : [],
    input.vmClasses?.length ? vc.listVmClasses({ signal }) : [],
    input.contentLibraries?.length ? vc.listContentLibraries({ signal }) : [],
  ]);
  const storageSpecs = input.storagePolicies?.map((p, i) => {
    const policy = problems.check(() =>
      resolveByName({
        field: `storagePolicies[${i}].name`,
        value: p.name,
        items: policies,
        names: x => [x.name, x.id],
        what: `a storage policy of ${where}`,
      }),
    );
    const limitMiB = policyLimitsMiB[i];
    return {
      policy: policy?.id ?? '',
      ...(limitMiB === undefined ? {} : { limitMiB }),
    };
  });
  const vmClasses = input.vmClasses?.map(
    (name, i) =>
      problems.check(
        () =>
          resolveByName({
            field: `vmClasses[${i}]`,
            value: name,
            items: classes,
            names: c => [c.id],
            what: `a VM class of ${where}`,
          }).id,
      ) ?? '',
  );
  const contentLibraries = input.contentLibraries?.map(
    (name, i) =>
      problems.check(
        () =>
          resolveByName({
            field: `contentLibraries[${i}]`,
            value: name,
            items: libraries,
            names: l => [l.name, l.id],
            what: `a content library of ${where}`,
          }).id,
      ) ?? '',
  );
  return dropUndefined({
    description: input.description,
    storageSpecs,
    vmClasses,
    contentLibraries,
    resourceSpec,
    accessList: input.accessList,
  });
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/** Fails with the namespace's status messages when vCenter reports it broken. */
export function namespaceFailure(ns: SupervisorNamespace): string | undefined {
  return ns.configStatus === 'ERROR'
    ? `vCenter reports config status ERROR${
        ns.messages.length ? `: ${ns.messages.join('; ')}` : ''
      }`
    : undefined;
}

/** A one-line summary of the asked settings for the task log (names as given, no secrets). */
export function describeNamespaceSettings(
  input: NamespaceSettingsInput,
): string {
  const parts = [
    input.storagePolicies?.length &&
      `storage policies ${input.storagePolicies
        .map(p => (p.limit ? `${p.name} (${p.limit})` : p.name))
        .join(', ')}`,
    input.vmClasses?.length && `VM classes ${input.vmClasses.join(', ')}`,
    input.contentLibraries?.length &&
      `content libraries ${input.contentLibraries.join(', ')}`,
    input.zones?.length && `zones ${input.zones.join(', ')}`,
    input.cpuLimit && `CPU limit ${input.cpuLimit}`,
    input.memoryLimit && `memory limit ${input.memoryLimit}`,
    input.storageLimit && `storage limit ${input.storageLimit}`,
    input.accessList?.length &&
      `access ${input.accessList
        .map(a => `${a.subject}@${a.domain} ${a.role}`)
        .join(', ')}`,
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'default settings';
}
