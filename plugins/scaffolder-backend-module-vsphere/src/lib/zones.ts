import { checkUnique } from './names';
import { InputProblems } from './problems';
import { listNames } from './resolve';
import { SupervisorTarget } from './target';

/** Describes the Supervisor for messages: its configured name and vCenter id. */
function supervisorLabel(target: SupervisorTarget): string {
  const { name, cluster } = target.supervisorConfig;
  return `Supervisor '${name}' (${cluster}) of vCenter '${target.config.name}'`;
}

/**
 * Checks zones against the zones vCenter binds to the target's Supervisor, before anything
 * changes; each unknown zone becomes a problem naming the field and listing the valid zones.
 * The zone list is read only when zones are asked for.
 */
export async function checkZones(options: {
  target: SupervisorTarget;
  /** The input field, e.g. `zones`, or `zone` with `single`. */
  field: string;
  zones: string[];
  single?: boolean;
  problems: InputProblems;
  signal?: AbortSignal;
}): Promise<string[]> {
  const { target, field, zones, problems, signal } = options;
  if (zones.length === 0) {
    return [];
  }
  problems.check(() => checkUnique(field, zones));
  const bound = await problems.checkAsync(() =>
    target.vcenter.listSupervisorZones(target.supervisorConfig.cluster, {
      signal,
    }),
  );
  if (!bound) {
    return [];
  }
  const valid = bound.map(z => z.zone);
  zones.forEach((zone, i) => {
    if (!valid.includes(zone)) {
      const at = options.single ? field : `${field}[${i}]`;
      problems.add(
        `${at}: '${zone}' is not a zone of ${supervisorLabel(
          target,
        )}; valid zones: ${listNames(valid)}`,
      );
    }
  });
  return zones;
}
