import { createHash } from 'node:crypto';
import { isDnsLabel, isDnsSubdomain } from '../validation';

const MAX_NAME_LENGTH = 63;
const HASH_LENGTH = 16;
/** vCenter managed object ids (`vm-42`, `domain-c8`): letters, digits and '-'. */
const MOREF = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * An upstream object that the catalog module ingests as a Resource entity, named exactly.
 * @public
 */
export type VsphereObjectIdentity =
  | { kind: 'supervisor'; vcenter: string; supervisor: string }
  | { kind: 'namespace'; vcenter: string; namespace: string }
  | { kind: 'vm'; vcenter: string; namespace: string; name: string }
  | { kind: 'cluster'; vcenter: string; namespace: string; name: string }
  | { kind: 'vcenter-vm'; vcenter: string; moref: string };

/**
 * The parts of the readable name and whether each follows the rule that keeps the name
 * injective: vCenter, Supervisor and namespace names are DNS labels (no '.'), object names DNS
 * subdomains, managed object ids have no '.'; no part holds '_'.
 */
function parts(
  object: VsphereObjectIdentity,
  vcenterCount: number,
): { parts: string[]; valid: boolean } {
  const scope = vcenterCount > 1 ? [object.vcenter] : [];
  const scopeValid = vcenterCount <= 1 || isDnsLabel(object.vcenter);
  switch (object.kind) {
    case 'supervisor':
      return {
        parts: [object.vcenter, 'supervisor', object.supervisor],
        valid: isDnsLabel(object.vcenter) && isDnsLabel(object.supervisor),
      };
    case 'vcenter-vm':
      return {
        parts: [object.vcenter, 'vcenter-vm', object.moref],
        valid: isDnsLabel(object.vcenter) && MOREF.test(object.moref),
      };
    case 'namespace':
      return {
        parts: [...scope, object.namespace],
        valid: scopeValid && isDnsLabel(object.namespace),
      };
    case 'vm':
    case 'cluster':
      return {
        parts: [...scope, object.namespace, object.kind, object.name],
        valid:
          scopeValid &&
          isDnsLabel(object.namespace) &&
          isDnsSubdomain(object.name),
      };
    default:
      throw new Error(
        `Unknown vSphere object kind in ${JSON.stringify(object)}`,
      );
  }
}

/** The identity as one string, whatever order its keys were written in. */
function canonical(object: VsphereObjectIdentity, vcenterCount: number) {
  const fields = Object.entries(object).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([vcenterCount > 1, ...fields]);
}

/**
 * The catalog entity name of an upstream object: the one function the catalog module names
 * entities with and every change is authorized through, so a ref always resolves to its object.
 *
 * The name is the object's parts joined by '.', with the kind at a fixed place:
 * `demo` (namespace), `demo.vm.web-01`, `demo.cluster.tkg-1`, `testenv.supervisor.wcp`,
 * `testenv.vcenter-vm.vm-42`; with several vCenters configured, namespaces and what is in them
 * begin with the vCenter's name (`vc-east.demo.vm.web-01`). Since no namespace or vCenter name
 * holds a '.', the number of parts and the kind word tell every form apart, so two objects never
 * share a name. A name longer than 63 characters, or with a part outside its rule, is cut short
 * and ends in `_` and a hash of the whole identity; no readable name holds a '_'.
 * @public
 */
export function vsphereEntityName(
  object: VsphereObjectIdentity,
  vcenterCount: number,
): string {
  const { parts: named, valid } = parts(object, vcenterCount);
  const readable = named.join('.');
  if (valid && readable.length <= MAX_NAME_LENGTH) {
    return readable;
  }
  const hash = createHash('sha256')
    .update(canonical(object, vcenterCount))
    .digest('hex')
    .slice(0, HASH_LENGTH);
  const head = readable
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .slice(0, MAX_NAME_LENGTH - HASH_LENGTH - 1)
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return head ? `${head}_${hash}` : `x_${hash}`;
}

/**
 * The catalog entity ref (`resource:default/<name>`) of an upstream object.
 * @public
 */
export function vsphereEntityRef(
  object: VsphereObjectIdentity,
  vcenterCount: number,
): string {
  return `resource:default/${vsphereEntityName(object, vcenterCount)}`;
}
