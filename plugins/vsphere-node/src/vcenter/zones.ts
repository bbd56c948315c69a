import { NamespaceZone, SupervisorZone } from './types';

/**
 * The zones a namespace's VMs and node pools may use: the Supervisor's zones, narrowed to those the
 * namespace is placed in where vCenter reports them (v2 API); all of the Supervisor's otherwise.
 * @public
 */
export function zonesOpenTo(
  supervisorZones: SupervisorZone[],
  namespaceZones?: NamespaceZone[],
): SupervisorZone[] {
  if (!namespaceZones) return supervisorZones;
  const placed = new Set(namespaceZones.map(z => z.zone));
  return supervisorZones.filter(z => placed.has(z.zone));
}
