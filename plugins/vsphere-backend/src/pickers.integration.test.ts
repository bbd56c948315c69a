import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  loadTestenv,
  testenvKubectl,
  testenvVsphereConfig,
} from '@backstage-vsphere/plugin-vsphere-node/testUtils';
import request from 'supertest';
import { vspherePlugin } from './plugin';

jest.setTimeout(60_000);

const env = loadTestenv();

let server: any;
let stop: () => Promise<void>;

beforeAll(async () => {
  const backend = await startTestBackend({
    features: [
      vspherePlugin,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.rootConfig.factory({
        data: {
          vsphere: { sourceDeadline: '3s', ...testenvVsphereConfig(env) },
        },
      }),
    ],
  });
  server = backend.server;
  stop = () => backend.stop();
});

afterAll(() => stop());

async function options(kind: string, query: Record<string, string> = {}) {
  const res = await request(server)
    .get(`/api/vsphere/options/${kind}`)
    .query({ vcenter: env.vcenter.name, ...query });
  expect(res.status).toBe(200);
  return res.body.items as Array<{ value: string; label: string }>;
}

/** Names of a kind in a namespace as kubectl lists them on the Supervisor. */
function kubectlNames(kind: string, namespace?: string): string[] {
  const scope = namespace ? ['-n', namespace] : [];
  return testenvKubectl(
    env,
    'get',
    kind,
    ...scope,
    '-o',
    'jsonpath={.items[*].metadata.name}',
  )
    .split(/\s+/)
    .filter(Boolean);
}

describe('picker options against testenv', () => {
  it("lists a namespace's own VM classes only, and every vCenter class for a new namespace", async () => {
    const teamA = (await options('vm-classes', { namespace: 'team-a' })).map(
      o => o.value,
    );
    expect(teamA.sort()).toEqual(
      kubectlNames('virtualmachineclass', 'team-a').sort(),
    );
    // guaranteed-large is a vCenter class bound to demo, not to team-a
    expect(teamA).not.toContain('guaranteed-large');

    const all = (await options('vm-classes')).map(o => o.value);
    expect(all).toEqual(
      expect.arrayContaining(['best-effort-small', 'guaranteed-large']),
    );
  });

  it('lists each image once, though it is both a namespace image and a cluster-wide one', async () => {
    const images = await options('images', { namespace: 'demo' });
    const labels = images.map(i => i.label);
    expect(new Set(labels).size).toBe(labels.length);
    // every image the namespace can use is offered: its own and the cluster-wide ones
    const names = new Set([
      ...kubectlNames('virtualmachineimage', 'demo'),
      ...kubectlNames('clustervirtualmachineimage'),
    ]);
    expect(images.map(i => i.value).sort()).toEqual([...names].sort());
  });

  it("lists the Kubernetes versions the namespace's images provide within the ClusterClass's labelled range", async () => {
    // tanzukubernetescluster (the default class) is labelled v1.32 to v1.33: both releases
    const byDefault = await options('kubernetes-versions', {
      namespace: 'demo',
    });
    expect(byDefault.map(o => o.value)).toEqual([
      'v1.33.3+vmware.1-fips',
      'v1.32.7+vmware.1-fips',
    ]);
    expect(byDefault[0]).toMatchObject({
      label: 'v1.33.3+vmware.1-fips',
      description:
        'images: ubuntu-2204-kube-v1.33; ClusterClass tanzukubernetescluster: v1.32 to v1.33',
    });
    // builtin-generic-v3.4.0 is labelled v1.33 to v1.36: v1.32 is left out
    const newer = await options('kubernetes-versions', {
      namespace: 'demo',
      clusterClass: 'builtin-generic-v3.4.0',
    });
    expect(newer.map(o => o.value)).toEqual(['v1.33.3+vmware.1-fips']);
    // team-a's class carries no labels: every release of its images
    const teamA = await options('kubernetes-versions', { namespace: 'team-a' });
    expect(teamA.map(o => o.value)).toEqual([
      'v1.33.3+vmware.1-fips',
      'v1.32.7+vmware.1-fips',
    ]);
  });

  it('asks for a namespace before listing Kubernetes versions', async () => {
    const res = await request(server)
      .get('/api/vsphere/options/kubernetes-versions')
      .query({ vcenter: env.vcenter.name });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'namespace: Kubernetes versions are listed per namespace',
    );
  });
});
