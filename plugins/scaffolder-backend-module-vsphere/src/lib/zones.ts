import { NotFoundError } from '@backstage/errors';
import {
  NamespaceZone,
  zonesOpenTo,
} from '@backstage-vsphere/plugin-vsphere-node';
import { checkUnique } from './names';
import { InputProblems } from './problems';
import { listNames } from './resolve';
import { SupervisorTarget } from './target';

/** Describes the Supervisor for messages: its configured name and vCenter id. */
function supervisorLabel(target: SupervisorTarget): string {
  const { name, cluster } = target.supervisorConfig;
  return `Supervisor '${name}' (${cluster}) of vCenter '${target.config.name}'`;
}

/** The label VM Operator places a VirtualMachine by, in the zone it names. */
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** The zones a namespace is placed in, where vCenter reports them (v2 API). */
async function namespaceZones(
  target: SupervisorTarget,
  namespace: string,
  signal?: AbortSignal,
): Promise<NamespaceZone[] | undefined> {
  try {
    return (await target.vcenter.getNamespace(namespace, { signal })).zones;
  } catch (error) {
    // a Kubernetes namespace vCenter does not list: the Supervisor's zones bound it
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/**
 * Checks zones against the zones vCenter binds to the target's Supervisor (and with a namespace,
 * those the namespace is placed in), before anything changes; each unknown zone becomes a problem
 * naming the field and listing the valid zones. The zone list is read only when zones are asked for.
 */
export async function checkZones(options: {
  target: SupervisorTarget;
  /** The input field, e.g. `zones`, or `zone` with `single`. */
  field: string;
  zones: string[];
  single?: boolean;
  /** The namespace whose own zones bound the choice, e.g. for a VM. */
  namespace?: string;
  problems: InputProblems;
  signal?: AbortSignal;
}): Promise<string[]> {
  const { target, field, zones, problems, signal } = options;
  if (zones.length === 0) {
    return [];
  }
  problems.check(() => checkUnique(field, zones));
  const [bound, placed] = await Promise.all([
    problems.checkAsync(() =>
      target.vcenter.listSupervisorZones(target.supervisorConfig.cluster, {
        signal,
      }),
    ),
    options.namespace
      ? problems.checkAsync(() =>
          namespaceZones(target, options.namespace!, signal),
        )
      : undefined,
  ]);
  if (!bound) {
    return [];
  }
  const valid = zonesOpenTo(bound, placed).map(z => z.zone);
  const of = options.namespace
    ? `namespace '${options.namespace}' on ${supervisorLabel(target)}`
    : supervisorLabel(target);
  zones.forEach((zone, i) => {
    if (!valid.includes(zone)) {
      const at = options.single ? field : `${field}[${i}]`;
      problems.add(
        `${at}: '${zone}' is not a zone of ${of}; valid zones: ${listNames(
          valid,
        )}`,
      );
    }
  });
  return zones;
}
