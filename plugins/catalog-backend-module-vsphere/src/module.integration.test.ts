import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { ConfigReader } from '@backstage/config';
import {
  VsphereClients,
  readVsphereConfig,
} from '@backstage-vsphere/plugin-vsphere-node';
import {
  loadTestenv,
  testenvVsphereConfig,
} from '@backstage-vsphere/plugin-vsphere-node/testUtils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import request from 'supertest';
import { catalogModuleVsphereEntityProvider } from './module';

// a whole catalog processes the entities before the Kubernetes plugin can see them
jest.setTimeout(180_000);

const env = loadTestenv();
const CLUSTERS = ['demo.cluster.demo-cluster', 'team-a.cluster.team-a-tkc'];

/** The workload clusters' API server addresses, private as on a real Supervisor. */
async function clusterHosts(): Promise<string[]> {
  const clients = new VsphereClients(
    readVsphereConfig(new ConfigReader({ vsphere: testenvVsphereConfig(env) })),
    mockServices.logger.mock(),
  );
  try {
    const clusters = await clients
      .supervisor('testenv', 'supervisor')
      .list('Cluster');
    return clusters.flatMap(c => {
      const host = (c.spec?.controlPlaneEndpoint as { host?: string })?.host;
      return host ? [host] : [];
    });
  } finally {
    await clients.close();
  }
}

async function until<T>(
  what: string,
  read: () => Promise<T | undefined>,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

const KUBERNETES_ANNOTATIONS = {
  authProvider: 'oidc',
  oidcTokenProvider: 'okta',
};
// each cluster's own CA, as an operator configures it beside the cluster
const pem = (body: string) =>
  `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
const WORKLOAD_CLUSTERS = [
  { namespace: 'demo', cluster: 'demo-cluster', caData: pem('MIIBdemo') },
  { namespace: 'team-a', cluster: 'team-a-tkc', caData: pem('MIIBteama') },
];

/** A backend with the catalog, this module and the Kubernetes plugin, once the entities are in. */
async function startBackend(options: {
  kubernetes: object;
  allowClusterUrls?: string[];
}) {
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleVsphereEntityProvider,
      kubernetesPlugin,
      mockServices.rootConfig.factory({
        data: {
          catalog: { rules: [{ allow: ['Resource', 'Location'] }] },
          vsphere: {
            ...testenvVsphereConfig(env),
            catalog: {
              schedule: { frequency: { minutes: 30 }, timeout: { minutes: 2 } },
              defaultOwner: 'guests',
              kubernetes: options.kubernetes,
            },
            kubernetes: { clusters: WORKLOAD_CLUSTERS },
          },
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [
              {
                type: 'catalog',
                dangerouslyAllowClusterUrls: options.allowClusterUrls,
              },
            ],
          },
        },
      }),
    ],
  });
  const resources = await until('the vSphere entities', async () => {
    const res = await request(server)
      .get('/api/catalog/entities/by-query')
      .query({ filter: 'kind=resource', limit: 1000 });
    const items: Entity[] = res.body.items ?? [];
    const names = new Set(items.map(e => e.metadata.name));
    return ['testenv.supervisor.supervisor', 'demo', ...CLUSTERS].every(n =>
      names.has(n),
    )
      ? items
      : undefined;
  });
  return { server, resources };
}

async function locatedClusters(server: Parameters<typeof request>[0]) {
  const res = await request(server).get('/api/kubernetes/clusters');
  expect(res.status).toBe(200);
  return (res.body.items as Array<{ name: string }>)
    .filter(c => CLUSTERS.includes(c.name))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

describe('catalogModuleVsphereEntityProvider in a backend with the catalog and Kubernetes plugins', () => {
  it('fills the catalog, and the Kubernetes plugin locates the clusters through it', async () => {
    // Supervisor workload clusters have private addresses, which the locator refuses unless allowed
    const hosts = await until('cluster endpoints', async () => {
      const found = await clusterHosts();
      return found.length >= 2 ? found : undefined;
    });
    const { server, resources } = await startBackend({
      kubernetes: { ...KUBERNETES_ANNOTATIONS, allowedApiServers: hosts },
      allowClusterUrls: hosts,
    });
    const demo = resources.find(e => e.metadata.name === 'demo')!;
    expect(demo.relations).toEqual(
      expect.arrayContaining([
        { type: 'ownedBy', targetRef: 'group:default/guests' },
        {
          type: 'dependsOn',
          targetRef: 'resource:default/testenv.supervisor.supervisor',
        },
        {
          type: 'dependencyOf',
          targetRef: 'resource:default/demo.cluster.demo-cluster',
        },
      ]),
    );
    // each cluster is pinned to its own CA
    const caOf = (name: string) =>
      resources.find(e => e.metadata.name === name)?.metadata.annotations?.[
        'kubernetes.io/api-server-certificate-authority'
      ];
    expect(caOf('demo.cluster.demo-cluster')).toBe(
      Buffer.from(pem('MIIBdemo')).toString('base64'),
    );
    expect(caOf('team-a.cluster.team-a-tkc')).toBe(
      Buffer.from(pem('MIIBteama')).toString('base64'),
    );
    expect(await locatedClusters(server)).toEqual([
      {
        name: 'demo.cluster.demo-cluster',
        title: 'demo-cluster',
        authProvider: 'oidc',
        oidcTokenProvider: 'okta',
      },
      {
        name: 'team-a.cluster.team-a-tkc',
        title: 'team-a-tkc',
        authProvider: 'oidc',
        oidcTokenProvider: 'okta',
      },
    ]);
  });

  it('keeps the objects of two vCenters apart when their namespaces share names', async () => {
    // the same simulator configured twice stands for two vCenters with a namespace `demo` each
    const [testenv] = testenvVsphereConfig(env).vcenters as JsonObject[];
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleVsphereEntityProvider,
        mockServices.rootConfig.factory({
          data: {
            catalog: { rules: [{ allow: ['Resource', 'Location'] }] },
            vsphere: {
              vcenters: [
                { ...testenv, name: 'east' },
                { ...testenv, name: 'west' },
              ],
              catalog: {
                schedule: {
                  frequency: { minutes: 30 },
                  timeout: { minutes: 2 },
                },
              },
            },
          },
        }),
      ],
    });
    const names = await until("both vCenters' entities", async () => {
      const res = await request(server)
        .get('/api/catalog/entities/by-query')
        .query({ filter: 'kind=resource', limit: 5000 });
      const found = new Set(
        (res.body.items ?? []).map((e: Entity) => e.metadata.name),
      );
      return [
        'east.demo',
        'west.demo',
        'east.demo.cluster.demo-cluster',
        'west.demo.cluster.demo-cluster',
      ].every(n => found.has(n))
        ? found
        : undefined;
    });
    expect(names.has('demo')).toBe(false);
    const west = await request(server).get(
      '/api/catalog/entities/by-name/resource/default/west.demo.cluster.demo-cluster',
    );
    expect(west.body.spec.dependsOn).toEqual(['resource:default/west.demo']);
    expect(west.body.metadata.annotations['vsphere.vmware.com/vcenter']).toBe(
      'west',
    );
  });

  it('is not located without a CA and auth provider in config, or with private addresses not allowed', async () => {
    const withoutConfig = await startBackend({ kubernetes: {} });
    expect(await locatedClusters(withoutConfig.server)).toEqual([]);
    const notAllowed = await startBackend({
      kubernetes: KUBERNETES_ANNOTATIONS,
    });
    expect(await locatedClusters(notAllowed.server)).toEqual([]);
    // allowed by the Kubernetes plugin but not by our list: the address an editor set is left out
    const hosts = await clusterHosts();
    const notOnOurList = await startBackend({
      kubernetes: {
        ...KUBERNETES_ANNOTATIONS,
        allowedApiServers: ['192.0.2.0/24'],
      },
      allowClusterUrls: hosts,
    });
    expect(await locatedClusters(notOnOurList.server)).toEqual([]);
  });
});
