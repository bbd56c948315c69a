#!/usr/bin/env node
// Writes .testenv/app-config.testenv.yaml: the portal's vsphere config pointing at the running testenv,
// and a static external-access token (.testenv/mcp-token) for MCP clients.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const envFile = path.join(root, '.testenv', 'env.json');
if (!fs.existsSync(envFile)) {
  console.error(
    `error: ${envFile} is missing; run 'testenv/testenv up' first.`,
  );
  process.exit(1);
}
const env = JSON.parse(fs.readFileSync(envFile, 'utf8'));
// A static token for MCP clients and scripts (backend.auth.externalAccess), made once per testenv.
const tokenFile = path.join(root, '.testenv', 'mcp-token');
if (!fs.existsSync(tokenFile)) {
  fs.writeFileSync(tokenFile, crypto.randomBytes(24).toString('base64url'), {
    mode: 0o600,
  });
}
// The workload cluster (demo-cluster) as Backstage's Kubernetes plugin reaches it: found through
// the catalog, its CA pinned, read with its own read-only service account token.
const workloadHost = new URL(env.workload.url).hostname;
const kubernetes = {
  serviceLocatorMethod: { type: 'multiTenant' },
  clusterLocatorMethods: [
    // the testenv's API servers listen on loopback, which the locator refuses unless allowed
    { type: 'catalog', dangerouslyAllowClusterUrls: [workloadHost] },
  ],
};
const config = {
  kubernetes,
  backend: {
    auth: {
      externalAccess: [
        {
          type: 'static',
          options: {
            token: fs.readFileSync(tokenFile, 'utf8').trim(),
            subject: 'mcp-client',
          },
        },
      ],
    },
  },
  vsphere: {
    catalog: {
      kubernetes: {
        allowedApiServers: [workloadHost],
        authProvider: 'vsphereServiceAccount',
        // the workload API server runs no metrics API
        skipMetricsLookup: true,
      },
    },
    kubernetes: {
      clusters: [
        {
          namespace: env.workload.cluster.split('/')[0],
          cluster: env.workload.cluster.split('/')[1],
          // the cluster's own CA certificate, pinned for it alone
          caFile: env.workload.caFile,
          serviceAccountTokenFile: env.workload.readerTokenFile,
        },
      ],
    },
    vcenters: [
      {
        name: env.vcenter.name,
        url: env.vcenter.url,
        username: env.vcenter.username,
        password: env.vcenter.password,
        caFile: env.vcenter.caFile,
        // two Supervisors on one vCenter: WCP-Cluster's (demo, team-a) and WCP-Cluster-2's (team-b)
        supervisors: [
          {
            name: 'supervisor',
            cluster: env.vcenter.wcpClusterId,
            url: env.supervisor.url,
            caFile: env.supervisor.caFile,
            tokenFile: env.supervisor.tokenFile,
          },
          {
            name: 'supervisor2',
            cluster: env.supervisor2.cluster,
            url: env.supervisor2.url,
            caFile: env.supervisor2.caFile,
            tokenFile: env.supervisor2.tokenFile,
          },
        ],
      },
    ],
  },
};
const out = path.join(root, '.testenv', 'app-config.testenv.yaml');
// JSON is valid YAML, and Backstage reads it as such
fs.writeFileSync(out, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
console.log(out);
