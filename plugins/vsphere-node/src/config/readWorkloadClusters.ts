import fs from 'node:fs';
import { Config } from '@backstage/config';
import { vsphereEntityName } from '../catalog/entityNames';

const KEY = 'vsphere.kubernetes.clusters';

/**
 * How Backstage's Kubernetes plugin reaches one workload cluster, from `vsphere.kubernetes.clusters`.
 * @public
 */
export interface WorkloadClusterAccess {
  /** The cluster's catalog entity name, which the Kubernetes plugin uses as the cluster's name. */
  entityName: string;
  /** The CA that signed the cluster's API certificate: base64 of its PEM, as kubeconfig's `certificate-authority-data`. */
  caData: string;
  /** File with the cluster's read-only service account token, for the `vsphereServiceAccount` auth provider. */
  serviceAccountTokenFile?: string;
}

function fail(key: string, rule: string): never {
  throw new Error(`Invalid config at '${key}': ${rule}`);
}

/** The CA as PEM, from `caData` (PEM or its base64) or `caFile`; the value itself never reaches an error. */
function readPem(entry: Config, path: string): string {
  const caData = entry.getOptionalString('caData');
  const caFile = entry.getOptionalString('caFile');
  let pem: string;
  let key: string;
  if (caData) {
    key = `${path}.caData`;
    pem = caData.includes('-----BEGIN')
      ? caData
      : Buffer.from(caData, 'base64').toString('utf8');
  } else if (caFile) {
    key = `${path}.caFile`;
    try {
      pem = fs.readFileSync(caFile, 'utf8');
    } catch (error) {
      fail(
        key,
        `cannot read '${caFile}' (${(error as NodeJS.ErrnoException).code})`,
      );
    }
  } else {
    // pinned per cluster: one CA for all clusters, or none (skipTLSVerify), would trust too much
    fail(
      `${path}.caData`,
      "needs the CA certificate of the cluster's API server in 'caData' or 'caFile' (it is pinned, never skipped)",
    );
  }
  if (/PRIVATE KEY-----/.test(pem)) {
    // the Supervisor's `<cluster>-ca` Secret holds the CA's key too: only its certificate belongs here
    fail(key, 'holds a private key; give only the CA certificate');
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    fail(key, 'must be PEM certificate(s) or their base64');
  }
  return pem;
}

/**
 * Reads `vsphere.kubernetes.clusters` (vcenter, namespace, cluster, caData or caFile, and
 * serviceAccountTokenFile), keyed by the clusters' catalog entity names; throws naming the key on
 * the first problem.
 * @public
 */
export function readWorkloadClusters(
  rootConfig: Config,
): Map<string, WorkloadClusterAccess> {
  const vcenters = rootConfig.getOptionalConfigArray('vsphere.vcenters') ?? [];
  const clusters = new Map<string, WorkloadClusterAccess>();
  (rootConfig.getOptionalConfigArray(KEY) ?? []).forEach((entry, i) => {
    const path = `${KEY}[${i}]`;
    const entityName = vsphereEntityName(
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
    if (clusters.has(entityName)) {
      fail(path, `cluster '${entityName}' is listed twice`);
    }
    const tokenFile = entry.getOptionalString('serviceAccountTokenFile');
    if (tokenFile && !fs.existsSync(tokenFile)) {
      fail(
        `${path}.serviceAccountTokenFile`,
        `file '${tokenFile}' does not exist`,
      );
    }
    clusters.set(entityName, {
      entityName,
      caData: Buffer.from(readPem(entry, path), 'utf8').toString('base64'),
      serviceAccountTokenFile: tokenFile,
    });
  });
  return clusters;
}
