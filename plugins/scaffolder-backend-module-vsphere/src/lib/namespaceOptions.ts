import { InputError, NotFoundError } from '@backstage/errors';
import {
  VmServiceImage,
  WorkloadCluster,
} from '@backstage-vsphere/plugin-vsphere-common';
import { KubeObject } from '@backstage-vsphere/plugin-vsphere-node';
import { listNames, resolveByName, storageClassOf } from './resolve';
import { SupervisorTarget } from './target';
import { InputProblems } from './problems';
import { checkZones } from './zones';

/** The machine deployment classes a ClusterClass offers node pools. */
function workerClassesOf(clusterClass: KubeObject): string[] {
  const workers = (clusterClass.spec as any)?.workers?.machineDeployments;
  return (Array.isArray(workers) ? workers : [])
    .map(w => w?.class)
    .filter((c): c is string => typeof c === 'string');
}

/**
 * What a Supervisor namespace offers (VM classes, images, storage classes, clusters), read
 * live and at most once per action run, to resolve names the input gives.
 */
export class NamespaceOptions {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    private readonly target: SupervisorTarget,
    private readonly namespace: string,
    private readonly signal?: AbortSignal,
  ) {}

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    if (!this.memo.has(key)) {
      this.memo.set(key, read());
    }
    return this.memo.get(key) as Promise<T>;
  }

  /** A zone of the namespace on its Supervisor; the InputError lists the valid zones. */
  async zone(field: string, zone: string): Promise<string> {
    const problems = new InputProblems();
    await checkZones({
      target: this.target,
      field,
      zones: [zone],
      single: true,
      namespace: this.namespace,
      problems,
      signal: this.signal,
    });
    problems.throwIfAny();
    return zone;
  }

  /** Throws an InputError listing vCenter's namespaces unless the Supervisor has this one. */
  async checkNamespace(field = 'namespace'): Promise<true> {
    const { supervisor, vcenter, supervisorConfig } = this.target;
    try {
      await this.once('namespace', () =>
        supervisor.getNamespace(this.namespace, { signal: this.signal }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof NotFoundError)) {
        throw error;
      }
      const known = await vcenter.listNamespaces({ signal: this.signal });
      throw new InputError(
        `${field}: '${this.namespace}' is not a namespace of Supervisor '${
          supervisorConfig.name
        }'; valid: ${listNames(known.map(n => n.name))}`,
      );
    }
  }

  /** The VM class name, which must be assigned to the namespace. */
  async vmClass(field: string, value: string): Promise<string> {
    const classes = await this.once('classes', () =>
      this.target.supervisor.listVirtualMachineClasses(this.namespace, {
        signal: this.signal,
      }),
    );
    return resolveByName({
      field,
      value,
      items: classes,
      names: c => [c.name],
      what: `a VM class of namespace '${this.namespace}'`,
    }).name;
  }

  /** The namespace these options are read from. */
  get namespaceName(): string {
    return this.namespace;
  }

  /** The images the namespace can use: its own and the cluster-wide ones. */
  images(): Promise<VmServiceImage[]> {
    return this.once('images', () =>
      this.target.supervisor.listVirtualMachineImages(this.namespace, {
        signal: this.signal,
      }),
    );
  }

  /** The image by object or display name. */
  async image(field: string, value: string): Promise<VmServiceImage> {
    const images = await this.images();
    return resolveByName({
      field,
      value,
      // listed namespace-first: the namespace's own image wins over a cluster-wide one of the same name
      items: images,
      names: i => [i.name, i.displayName],
      what: `an image namespace '${this.namespace}' can use`,
    });
  }

  /**
   * The StorageClass of a storage policy assigned to the namespace, given by StorageClass or
   * policy name: the Supervisor offers a namespace only its assigned policies. While the
   * namespace is unknown (another field's error), any policy of the vCenter passes.
   */
  async storageClass(field: string, value: string): Promise<string> {
    const [policies, assigned] = await Promise.all([
      this.once('policies', () =>
        this.target.vcenter.listStoragePolicies({ signal: this.signal }),
      ),
      this.once('assignedPolicies', () => this.assignedPolicyIds()),
    ]);
    return storageClassOf(
      resolveByName({
        field,
        value,
        items: assigned ? policies.filter(p => assigned.has(p.id)) : policies,
        names: p => [storageClassOf(p), p.name],
        what: assigned
          ? `a storage class of namespace '${this.namespace}'`
          : `a storage class of vCenter '${this.target.config.name}'`,
      }),
    );
  }

  /** The ids of the storage policies vCenter assigned to the namespace; undefined while the namespace does not exist. */
  private async assignedPolicyIds(): Promise<Set<string> | undefined> {
    try {
      const info = await this.target.vcenter.getNamespace(this.namespace, {
        signal: this.signal,
      });
      return new Set((info.storageSpecs ?? []).map(s => s.policy));
    } catch (error) {
      if (error instanceof NotFoundError) {
        return undefined;
      }
      throw error;
    }
  }

  /** The namespace's ClusterClasses, read once. */
  clusterClasses(): Promise<KubeObject[]> {
    return this.once('clusterClasses', () =>
      this.target.supervisor.list('ClusterClass', {
        namespace: this.namespace,
        signal: this.signal,
      }),
    );
  }

  /**
   * The ClusterClass by name, which must be in the namespace and offer the worker class the
   * node pools use.
   */
  async clusterClass(
    field: string,
    value: string,
    workerField: string,
    workerClass: string,
  ): Promise<string> {
    const classes = await this.clusterClasses();
    const found = resolveByName({
      field,
      value,
      items: classes,
      names: c => [c.metadata.name],
      what: `a ClusterClass in namespace '${this.namespace}'`,
    });
    const workers = workerClassesOf(found);
    if (workers.length && !workers.includes(workerClass)) {
      throw new InputError(
        `${workerField}: '${workerClass}' is not a worker class of ClusterClass '${value}'; valid: ${listNames(
          workers,
        )}`,
      );
    }
    return found.metadata.name;
  }

  /** The workload cluster by name. */
  async cluster(field: string, value: string): Promise<WorkloadCluster> {
    const clusters = await this.once('clusters', () =>
      this.target.supervisor.listWorkloadClusters(this.namespace, {
        signal: this.signal,
      }),
    );
    return resolveByName({
      field,
      value,
      items: clusters,
      names: c => [c.name],
      what: `a cluster in namespace '${this.namespace}'`,
    });
  }
}
