import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { VsphereServiceAccountStrategy } from './VsphereServiceAccountStrategy';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsphere-k8s-'));
const tokenFile = path.join(dir, 'reader.token');
fs.writeFileSync(tokenFile, 'reader-token\n');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const strategy = VsphereServiceAccountStrategy.fromConfig(
  new ConfigReader({
    vsphere: {
      vcenters: [{ name: 'testenv' }],
      kubernetes: {
        clusters: [
          {
            namespace: 'demo',
            cluster: 'demo-cluster',
            caData: PEM,
            serviceAccountTokenFile: tokenFile,
          },
          // read with the users' own tokens: a CA, no service account
          { namespace: 'team-b', cluster: 'oidc-only', caData: PEM },
        ],
      },
    },
  }),
);
const cluster = (name: string) => ({
  name,
  url: 'https://x',
  authMetadata: {},
});

describe('VsphereServiceAccountStrategy', () => {
  it("reads a cluster with its own token, found by the cluster entity's name", async () => {
    await expect(
      strategy.getCredential(cluster('demo.cluster.demo-cluster')),
    ).resolves.toEqual({ type: 'bearer token', token: 'reader-token' });
  });

  it('refuses a cluster without a configured token, naming the config key', async () => {
    for (const name of [
      'team-a.cluster.team-a-tkc',
      'team-b.cluster.oidc-only',
    ]) {
      await expect(strategy.getCredential(cluster(name))).rejects.toThrow(
        `No read-only service account token is configured for cluster '${name}'; add it under vsphere.kubernetes.clusters`,
      );
    }
  });

  it('does not start with a token for a cluster whose CA is not configured', () => {
    expect(() =>
      VsphereServiceAccountStrategy.fromConfig(
        new ConfigReader({
          vsphere: {
            kubernetes: {
              clusters: [
                {
                  namespace: 'demo',
                  cluster: 'demo-cluster',
                  serviceAccountTokenFile: tokenFile,
                },
              ],
            },
          },
        }),
      ),
    ).toThrow(
      "Invalid config at 'vsphere.kubernetes.clusters[0].caData': needs the CA certificate of the cluster's API server in 'caData' or 'caFile' (it is pinned, never skipped)",
    );
  });
});
