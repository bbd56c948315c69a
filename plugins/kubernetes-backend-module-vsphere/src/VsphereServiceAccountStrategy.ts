import fs from 'node:fs/promises';
import { Config } from '@backstage/config';
import {
  AuthenticationStrategy,
  ClusterDetails,
  KubernetesCredential,
} from '@backstage/plugin-kubernetes-node';
import { readWorkloadClusters } from '@backstage-vsphere/plugin-vsphere-node';

/**
 * Reads each workload cluster with its own read-only service account token, looked up by the
 * cluster's catalog entity name. Tokens stay in config files, never in catalog annotations (the
 * Kubernetes plugin refuses them there), and a cluster without one is not read at all.
 *
 * @public
 */
export class VsphereServiceAccountStrategy implements AuthenticationStrategy {
  private constructor(private readonly tokenFiles: Map<string, string>) {}

  /**
   * Reads the entries of `vsphere.kubernetes.clusters` that name a `serviceAccountTokenFile`; the
   * catalog module pins each cluster's CA from the same entries.
   */
  static fromConfig(config: Config): VsphereServiceAccountStrategy {
    const tokenFiles = new Map<string, string>();
    for (const cluster of readWorkloadClusters(config).values()) {
      if (cluster.serviceAccountTokenFile) {
        tokenFiles.set(cluster.entityName, cluster.serviceAccountTokenFile);
      }
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
