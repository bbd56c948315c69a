import { ChangedObject } from '@backstage-vsphere/plugin-vsphere-node';
import { VCenterTarget } from './target';

/** The Supervisor namespace as the change authorizer and the catalog module name it. */
export function namespaceObject(
  target: VCenterTarget,
  namespace: string,
): ChangedObject {
  return { kind: 'namespace', vcenter: target.config.name, namespace };
}

/** A VM Service VM as the change authorizer and the catalog module name it. */
export function vmObject(
  target: VCenterTarget,
  namespace: string,
  name: string,
): ChangedObject {
  return { kind: 'vm', vcenter: target.config.name, namespace, name };
}

/** A workload cluster as the change authorizer and the catalog module name it. */
export function clusterObject(
  target: VCenterTarget,
  namespace: string,
  name: string,
): ChangedObject {
  return { kind: 'cluster', vcenter: target.config.name, namespace, name };
}
