import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { VsphereServiceAccountStrategy } from './VsphereServiceAccountStrategy';

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
            serviceAccountTokenFile: tokenFile,
          },
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
    await expect(
      strategy.getCredential(cluster('team-a.cluster.team-a-tkc')),
    ).rejects.toThrow(
      "No read-only service account token is configured for cluster 'team-a.cluster.team-a-tkc'; add it under vsphere.kubernetes.clusters",
    );
  });
});
