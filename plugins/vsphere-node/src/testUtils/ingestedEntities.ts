import { Entity } from '@backstage/catalog-model';
import { VsphereObjectIdentity, vsphereEntityName } from '../catalog';
import { ingestedLocation } from '../authorization';

const TYPES = {
  namespace: 'vsphere-namespace',
  vm: 'virtual-machine',
  cluster: 'kubernetes-cluster',
} as const;

/**
 * The parts of the entity the catalog module ingests for a namespace, VM or cluster that the
 * change authorizer reads (name, location, annotations, owner), for tests of the routes and
 * actions whose subject is what reaches vCenter and the Supervisor. The whole chain, with the
 * real catalog module and policy, runs in the portal's browser tests.
 * @public
 */
export function ingestedEntityFor(
  object: Extract<
    VsphereObjectIdentity,
    { kind: 'namespace' | 'vm' | 'cluster' }
  >,
  vcenter: { name: string; url: string },
  owner = 'group:default/guests',
  vcenterCount = 1,
): Entity {
  const annotations: Record<string, string> = {
    'backstage.io/managed-by-location': ingestedLocation(vcenter.url),
    'vsphere.vmware.com/vcenter': vcenter.name,
    'vsphere.vmware.com/supervisor-namespace': object.namespace,
    'vsphere.vmware.com/namespace-owner': owner,
  };
  if (object.kind === 'vm') annotations['vsphere.vmware.com/vm'] = object.name;
  if (object.kind === 'cluster') {
    annotations['vsphere.vmware.com/cluster'] = object.name;
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: vsphereEntityName(object, vcenterCount),
      namespace: 'default',
      annotations,
    },
    spec: { type: TYPES[object.kind], owner },
  };
}

/**
 * The object a testenv entity ref names, read back from its readable name (`demo`,
 * `demo.vm.web`, `demo.cluster.c1`) with one vCenter configured.
 * @public
 */
export function objectOfTestenvRef(
  ref: string,
  vcenter: string,
): Extract<VsphereObjectIdentity, { kind: 'namespace' | 'vm' | 'cluster' }> {
  const name = ref.replace(/^resource:default\//, '');
  const [namespace, kind, object] = name.split(/\.(vm|cluster)\./);
  if (!kind) return { kind: 'namespace', vcenter, namespace };
  return { kind: kind as 'vm' | 'cluster', vcenter, namespace, name: object };
}
