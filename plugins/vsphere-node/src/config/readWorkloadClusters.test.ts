import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { readWorkloadClusters } from './readWorkloadClusters';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsphere-workload-'));
const caFile = path.join(dir, 'ca.crt');
const tokenFile = path.join(dir, 'reader.token');
fs.writeFileSync(caFile, PEM);
fs.writeFileSync(tokenFile, 'reader-token\n');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function read(clusters: object[], vcenters = [{ name: 'testenv' }]) {
  return readWorkloadClusters(
    new ConfigReader({ vsphere: { vcenters, kubernetes: { clusters } } }),
  );
}

describe('readWorkloadClusters', () => {
  it("gives each cluster its own CA, as base64 of the PEM, keyed by the cluster's entity name", () => {
    const clusters = read([
      {
        namespace: 'demo',
        cluster: 'demo-cluster',
        caFile,
        serviceAccountTokenFile: tokenFile,
      },
      { namespace: 'team-a', cluster: 'tkc', caData: PEM },
      {
        namespace: 'team-b',
        cluster: 'tkc',
        caData: Buffer.from(PEM).toString('base64'),
      },
    ]);
    const base64 = Buffer.from(PEM).toString('base64');
    expect([...clusters.values()]).toEqual([
      {
        entityName: 'demo.cluster.demo-cluster',
        caData: base64,
        serviceAccountTokenFile: tokenFile,
      },
      { entityName: 'team-a.cluster.tkc', caData: base64 },
      { entityName: 'team-b.cluster.tkc', caData: base64 },
    ]);
  });

  it('names clusters by their vCenter when several are configured', () => {
    const clusters = read(
      [{ vcenter: 'west', namespace: 'demo', cluster: 'c1', caData: PEM }],
      [{ name: 'east' }, { name: 'west' }],
    );
    expect([...clusters.keys()]).toEqual(['west.demo.cluster.c1']);
  });

  it('refuses a cluster with a token but no CA, naming the key', () => {
    expect(() =>
      read([
        {
          namespace: 'demo',
          cluster: 'demo-cluster',
          serviceAccountTokenFile: tokenFile,
        },
      ]),
    ).toThrow(
      "Invalid config at 'vsphere.kubernetes.clusters[0].caData': needs the CA certificate of the cluster's API server in 'caData' or 'caFile' (it is pinned, never skipped)",
    );
  });

  it('refuses a CA with its private key, without echoing it', () => {
    const withKey = `${PEM}-----BEGIN RSA PRIVATE KEY-----\nc2VjcmV0\n-----END RSA PRIVATE KEY-----\n`;
    const run = () => read([{ namespace: 'd', cluster: 'c', caData: withKey }]);
    expect(run).toThrow(
      "Invalid config at 'vsphere.kubernetes.clusters[0].caData': holds a private key; give only the CA certificate",
    );
    expect(run).not.toThrow(/c2VjcmV0/);
  });

  it('names the key of a CA that is no certificate, an unreadable CA file, a missing token file and a duplicate', () => {
    expect(() =>
      read([{ namespace: 'd', cluster: 'c', caData: 'bm90IGEgY2VydA==' }]),
    ).toThrow(
      "Invalid config at 'vsphere.kubernetes.clusters[0].caData': must be PEM certificate(s) or their base64",
    );
    expect(() =>
      read([
        { namespace: 'd', cluster: 'c', caFile: path.join(dir, 'missing') },
      ]),
    ).toThrow(
      `Invalid config at 'vsphere.kubernetes.clusters[0].caFile': cannot read '${path.join(
        dir,
        'missing',
      )}' (ENOENT)`,
    );
    expect(() =>
      read([
        {
          namespace: 'd',
          cluster: 'c',
          caData: PEM,
          serviceAccountTokenFile: path.join(dir, 'none'),
        },
      ]),
    ).toThrow(
      `Invalid config at 'vsphere.kubernetes.clusters[0].serviceAccountTokenFile': file '${path.join(
        dir,
        'none',
      )}' does not exist`,
    );
    expect(() =>
      read([
        { namespace: 'd', cluster: 'c', caData: PEM },
        { namespace: 'd', cluster: 'c', caFile },
      ]),
    ).toThrow(
      "Invalid config at 'vsphere.kubernetes.clusters[1]': cluster 'd.cluster.c' is listed twice",
    );
  });
});
