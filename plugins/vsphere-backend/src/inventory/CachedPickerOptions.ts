import { InputError } from '@backstage/errors';
import {
  PickerKind,
  DEFAULT_CLUSTER_CLASS,
  PickerOption,
  VmServiceImage,
} from '@backstage-vsphere/plugin-vsphere-common';
import {
  VsphereClients,
  clusterClassVersionRange,
  describeVersionRange,
  kubernetesVersionOfImage,
  kubernetesVersionsInRange,
  zonesOpenTo,
} from '@backstage-vsphere/plugin-vsphere-node';
import { CacheService } from '@backstage/backend-plugin-api';
import { CoalescingCache } from './CoalescingCache';
import { OptionsQuery } from './VsphereInventory';

/** The images that provide a Kubernetes version, each name once. */
function listImages(images: VmServiceImage[], version: string): string {
  const names = images
    .filter(i => kubernetesVersionOfImage(i) === version)
    .map(i => i.displayName ?? i.name);
  return [...new Set(names)].join(', ');
}

/** The invalidation scope of every option list, dropped after a change made through the portal. */
const OPTIONS_SCOPE = 'options';

/** Picker lists are read on demand (most have no watch) and kept a short while, for every replica. */
export class CachedPickerOptions {
  private readonly cache: CoalescingCache;

  constructor(
    private readonly clients: VsphereClients,
    cache: CacheService,
    options: { ttlMs: number },
  ) {
    this.cache = new CoalescingCache(cache, { ttlMs: options.ttlMs });
  }

  /** A namespace as vCenter holds it, one cached read shared by the pickers. */
  private vcenterNamespace(vcenter: string, namespace: string) {
    return this.cache.get(
      `vcenter:${vcenter}:namespace:${namespace}`,
      () => this.clients.vcenter(vcenter).getNamespace(namespace),
      { scope: OPTIONS_SCOPE },
    );
  }

  /** The vCenter's storage policies, one cached read shared by the pickers. */
  private vcenterStoragePolicies(vcenter: string) {
    return this.cache.get(
      `vcenter:${vcenter}:storage-policies`,
      () => this.clients.vcenter(vcenter).listStoragePolicies(),
      { scope: OPTIONS_SCOPE },
    );
  }

  async listOptions(
    kind: PickerKind,
    query: OptionsQuery,
  ): Promise<PickerOption[]> {
    if (kind === 'vcenters') {
      return this.clients.configs.map(c => ({ value: c.name, label: c.name }));
    }
    const vcConfig = this.clients.config(query.vcenter);
    const vc = this.clients.vcenter(vcConfig.name);
    const key = `options:${vcConfig.name}:${query.supervisor ?? ''}:${
      query.namespace ?? ''
    }:${query.cluster ?? ''}:${query.clusterClass ?? ''}:${kind}`;
    return this.cache.get(
      key,
      async () => {
        switch (kind) {
          case 'supervisors':
            return vcConfig.supervisors.map(s => ({
              value: s.name,
              label: s.name,
              description: `cluster ${s.cluster}`,
            }));
          case 'namespaces': {
            // a vCenter's namespaces span its Supervisors; a named one lists only its own
            const cluster = query.supervisor
              ? this.clients.supervisorConfig(vcConfig.name, query.supervisor)
                  .supervisor.cluster
              : undefined;
            return (await vc.listNamespaces())
              .filter(n => !cluster || n.cluster === cluster)
              .map(n => ({
                value: n.name,
                label: n.name,
                description: n.configStatus,
              }));
          }
          case 'storage-policies':
            return this.storagePolicyOptions(vcConfig.name, query);
          case 'vm-classes':
            return this.vmClassOptions(vcConfig.name, query);
          case 'content-libraries':
            return (await vc.listContentLibraries()).map(l => ({
              value: l.name,
              label: l.name,
              description: l.type,
            }));
          case 'images':
            return this.imageOptions(vcConfig.name, query);
          case 'clusters':
            return this.clusterOptions(vcConfig.name, query);
          case 'node-pools':
            return this.nodePoolOptions(vcConfig.name, query);
          case 'kubernetes-versions':
            return this.kubernetesVersionOptions(vcConfig.name, query);
          case 'zones':
            return this.zoneOptions(vcConfig.name, query);
          default:
            throw new InputError(`kind: '${kind}' is not a picker kind`);
        }
      },
      { scope: OPTIONS_SCOPE },
    );
  }

  /**
   * Every storage policy of the vCenter, or with a namespace, those assigned to it: the only
   * ones its VMs and clusters may use.
   */
  private async storagePolicyOptions(vcenter: string, query: OptionsQuery) {
    const [policies, namespace] = await Promise.all([
      this.vcenterStoragePolicies(vcenter),
      query.namespace
        ? this.vcenterNamespace(vcenter, query.namespace)
        : undefined,
    ]);
    const assigned = namespace
      ? new Set((namespace.storageSpecs ?? []).map(s => s.policy))
      : undefined;
    return policies
      .filter(p => !assigned || assigned.has(p.id))
      .map(p => ({ value: p.name, label: p.name, description: p.description }));
  }

  /**
   * With a namespace, the classes bound to it: the only ones its VMs and nodes may use, as the
   * actions check. Without one, every class of the vCenter, to assign to a new namespace.
   */
  private async vmClassOptions(vcenter: string, query: OptionsQuery) {
    const described = (cpus?: number, memory?: string) =>
      [cpus && `${cpus} vCPU`, memory].filter(Boolean).join(', ');
    if (query.namespace) {
      const sv = this.clients.supervisor(vcenter, query.supervisor);
      return (await sv.listVirtualMachineClasses(query.namespace)).map(c => ({
        value: c.name,
        label: c.name,
        description: described(c.cpus, c.memory),
      }));
    }
    return (await this.clients.vcenter(vcenter).listVmClasses()).map(c => ({
      value: c.id,
      label: c.id,
      description: described(
        c.cpuCount,
        c.memoryMiB ? `${c.memoryMiB / 1024} GiB` : undefined,
      ),
    }));
  }

  /**
   * The namespace's images and the cluster-wide ones, each once: a library image is both.
   */
  private async imageOptions(vcenter: string, query: OptionsQuery) {
    if (!query.namespace) {
      throw new InputError('namespace: images are listed per namespace');
    }
    const sv = this.clients.supervisor(vcenter, query.supervisor);
    const images = await sv.listVirtualMachineImages(query.namespace);
    const listed = new Set<string>();
    // listed namespace-first, so the one kept of a shared name is the one the actions resolve
    return images
      .filter(i => {
        const shown = i.displayName ?? i.name;
        if (listed.has(shown)) return false;
        listed.add(shown);
        return true;
      })
      .map(i => ({
        value: i.name,
        label: i.displayName ?? i.name,
        description: [
          i.osType,
          i.kind === 'ClusterVirtualMachineImage' ? 'cluster-wide' : undefined,
        ]
          .filter(Boolean)
          .join(', '),
      }));
  }

  private async clusterOptions(vcenter: string, query: OptionsQuery) {
    if (!query.namespace) {
      throw new InputError('namespace: clusters are listed per namespace');
    }
    const sv = this.clients.supervisor(vcenter, query.supervisor);
    return (await sv.listWorkloadClusters(query.namespace)).map(c => ({
      value: c.name,
      label: c.name,
      description: [c.kind, c.version].filter(Boolean).join(' '),
    }));
  }

  private async nodePoolOptions(vcenter: string, query: OptionsQuery) {
    if (!query.namespace || !query.cluster) {
      throw new InputError(
        `${
          query.namespace ? 'cluster' : 'namespace'
        }: node pools are listed per cluster`,
      );
    }
    const sv = this.clients.supervisor(vcenter, query.supervisor);
    const cluster = await sv.getWorkloadCluster(query.namespace, query.cluster);
    return cluster.nodePools.map(p => ({
      value: p.name,
      label: p.name,
      description: [
        `${p.readyReplicas} of ${p.replicas ?? '?'} nodes ready`,
        p.vmClass,
      ]
        .filter(Boolean)
        .join(', '),
    }));
  }

  /**
   * The Kubernetes versions the namespace's images provide, newest first, narrowed to the range
   * the ClusterClass's labels give (the class the cluster action defaults to when none is named).
   */
  private async kubernetesVersionOptions(vcenter: string, query: OptionsQuery) {
    if (!query.namespace) {
      throw new InputError(
        'namespace: Kubernetes versions are listed per namespace',
      );
    }
    const sv = this.clients.supervisor(vcenter, query.supervisor);
    const className = query.clusterClass ?? DEFAULT_CLUSTER_CLASS;
    const [images, classes] = await Promise.all([
      sv.listVirtualMachineImages(query.namespace),
      sv.list('ClusterClass', { namespace: query.namespace }),
    ]);
    const found = classes.find(c => c.metadata.name === className);
    const range = found ? clusterClassVersionRange(found) : {};
    return kubernetesVersionsInRange(images, range).map(version => ({
      value: version,
      label: version,
      description: [
        `images: ${listImages(images, version)}`,
        found && `ClusterClass ${className}: ${describeVersionRange(range)}`,
      ]
        .filter(Boolean)
        .join('; '),
    }));
  }

  /**
   * The vSphere zones of the chosen Supervisor, or with a namespace, those the namespace is placed
   * in (where vCenter reports them): the only ones its VMs and node pools may use.
   */
  private async zoneOptions(vcenter: string, query: OptionsQuery) {
    const { supervisor } = this.clients.supervisorConfig(
      vcenter,
      query.supervisor,
    );
    const [zones, namespace] = await Promise.all([
      this.clients.vcenter(vcenter).listSupervisorZones(supervisor.cluster),
      query.namespace
        ? this.vcenterNamespace(vcenter, query.namespace)
        : undefined,
    ]);
    return zonesOpenTo(zones, namespace?.zones).map(z => ({
      value: z.zone,
      label: z.zone,
      description: [
        z.type && `${z.type.toLowerCase()} zone`,
        `${z.namespaces.length} namespace${
          z.namespaces.length === 1 ? '' : 's'
        }`,
      ]
        .filter(Boolean)
        .join(', '),
    }));
  }

  /** Forgets the option lists read so far, on every replica. */
  async invalidate(): Promise<void> {
    await this.cache.invalidate(OPTIONS_SCOPE);
  }
}
