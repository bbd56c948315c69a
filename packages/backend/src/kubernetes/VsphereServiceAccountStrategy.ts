import fs from 'node:fs/promises';
import { Config } from '@backstage/config';
import {
  AuthenticationStrategy,
  ClusterDetails,
  KubernetesCredential,
} from '@backstage/plugin-kubernetes-node';
import { vsphereEntityName } from '@backstage-vsphere/plugin-vsphere-node';

/** The auth provider name the catalog module writes as `kubernetes.io/auth-provider`. */
export const VSPHERE_SERVICE_ACCOUNT_AUTH_PROVIDER = 'vsphereServiceAccount';

/**
 * Reads each workload cluster with its own read-only service account token, looked up by the
 * cluster's catalog entity name. Tokens stay in config files, never in catalog annotations (the
 * Kubernetes plugin refuses them there), and a cluster without one is not read at all.
 */
export class VsphereServiceAccountStrategy implements AuthenticationStrategy {
  private constructor(private readonly tokenFiles: Map<string, string>) {}

  /** From `vsphere.kubernetes.clusters`: `{ vcenter?, namespace, cluster, serviceAccountTokenFile }`. */
  static fromConfig(config: Config): VsphereServiceAccountStrategy {
    const vcenters = config.getOptionalConfigArray('vsphere.vcenters') ?? [];
    const tokenFiles = new Map<string, string>();
    for (const entry of config.getOptionalConfigArray(
      'vsphere.kubernetes.clusters',
    ) ?? []) {
      const name = vsphereEntityName(
        {
          kind: 'cluster',
          vcenter:
            entry.getOptionalString('vcenter') ??
            vcenters[0]?.getString('name') ??
            '',
          namespace: entry.getString('namespace'),
          name: entry.getString('cluster'),
        },
        vcenters.length,
      );
      tokenFiles.set(name, entry.getString('serviceAccountTokenFile'));
    }
    return new VsphereServiceAccountStrategy(tokenFiles);
  }

  async getCredential(cluster: ClusterDetails): Promise<KubernetesCredential> {
    const file = this.tokenFiles.get(cluster.name);
    if (!file) {
      throw new Error(
        `No read-only service account token is configured for cluster '${cluster.name}'; add it under vsphere.kubernetes.clusters`,
      );
    }
    // read on every request, so a rotated token file takes effect without a restart
    const token = (await fs.readFile(file, 'utf8')).trim();
    return { type: 'bearer token', token };
  }

  validateCluster(): Error[] {
    return [];
  }

  presentAuthMetadata(): Record<string, string> {
    return {};
  }
}
