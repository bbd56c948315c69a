import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  loadTestenv,
  testenvVsphereConfig,
} from '@backstage-vsphere/plugin-vsphere-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import request from 'supertest';
import yaml from 'yaml';
import { uniqueName } from './__testUtils__/testenv';
import { scaffolderModuleVsphere } from './module';

// Each template runs through the real scaffolder (rendering, schema checks, task worker) and
// the result is checked with the independent command-line clients, not with our own.
jest.setTimeout(300_000);

const env = loadTestenv();
const repoRoot = path.resolve(__dirname, '../../..');
const templatesDir = path.join(repoRoot, 'templates');
const govcBinary = path.join(repoRoot, '.testenv', 'bin', 'govc');

function govc(...args: string[]): string {
  return execFileSync(govcBinary, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GOVC_URL: env.vcenter.sdkUrl,
      GOVC_USERNAME: env.vcenter.username,
      GOVC_PASSWORD: env.vcenter.password,
      GOVC_TLS_CA_CERTS: env.vcenter.caFile,
    },
  });
}

function kubectl<T = any>(...args: string[]): T {
  return JSON.parse(
    execFileSync(
      'kubectl',
      ['--kubeconfig', env.supervisor.adminKubeconfig, ...args, '-o', 'json'],
      { encoding: 'utf8' },
    ),
  );
}

/** Every template of the repository, as the catalog would hold it. */
function loadTemplates(): Entity[] {
  return fs.readdirSync(templatesDir).map(dir => {
    const entity = yaml.parse(
      fs.readFileSync(path.join(templatesDir, dir, 'template.yaml'), 'utf8'),
    );
    return {
      ...entity,
      metadata: { ...entity.metadata, namespace: 'default' },
    };
  });
}

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-a', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

describe('the software templates, run by the scaffolder against the testenv', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  const published: unknown[] = [];
  const namespace = uniqueName('e2e-ns');
  const vm = uniqueName('e2e-vm');
  const cluster = uniqueName('e2e-cl');
  const auth = mockCredentials.user.header('user:default/guest');

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleVsphere,
        catalogServiceMock.factory({ entities: [...loadTemplates(), team] }),
        mockServices.rootConfig.factory({
          data: { vsphere: testenvVsphereConfig(env) },
        }),
        createServiceFactory({
          service: eventsServiceRef,
          deps: {},
          factory: () => ({
            publish: async (event: unknown) => {
              published.push(event);
            },
            subscribe: async () => {},
          }),
        }),
      ],
    }));
  });

  afterAll(() => {
    const kubeconfig = ['--kubeconfig', env.supervisor.adminKubeconfig];
    for (const [kind, name] of [
      ['cluster', cluster],
      ['virtualmachine', vm],
    ]) {
      try {
        execFileSync(
          'kubectl',
          [...kubeconfig, '-n', 'demo', 'delete', kind, name, '--wait=false'],
          { stdio: 'pipe' },
        );
      } catch {
        // already gone
      }
    }
    try {
      govc('namespace.rm', namespace);
    } catch {
      // already gone
    }
  });

  /** Starts a task from a template and resolves with its outputs once it completed. */
  async function run(template: string, values: object) {
    const created = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', auth)
      .send({ templateRef: `template:default/${template}`, values });
    expect(created.status).toBe(201);
    const id = created.body.id;
    for (;;) {
      const task = await request(server)
        .get(`/api/scaffolder/v2/tasks/${id}`)
        .set('Authorization', auth);
      if (task.body.status === 'completed') {
        const events = await request(server)
          .get(`/api/scaffolder/v2/tasks/${id}/events`)
          .set('Authorization', auth);
        const completion = events.body.find(
          (e: { type: string }) => e.type === 'completion',
        );
        return completion.body.output;
      }
      if (task.body.status === 'failed' || task.body.status === 'cancelled') {
        const events = await request(server)
          .get(`/api/scaffolder/v2/tasks/${id}/events`)
          .set('Authorization', auth);
        throw new Error(
          `${template} ${task.body.status}:\n${events.body
            .map((e: { body: { message?: string } }) => e.body.message)
            .join('\n')}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }

  it('Supervisor namespace for a team', async () => {
    const output = await run('vsphere-supervisor-namespace', {
      name: namespace,
      description: 'End-to-end test',
      owner: 'group:default/team-a',
      vcenter: 'testenv',
      storagePolicy: 'k8s-gold',
      storagePolicyLimit: '100Gi',
      vmClasses: ['best-effort-small', 'best-effort-medium'],
      contentLibraries: ['tkg-images'],
      memoryLimit: '32Gi',
    });

    expect(govc('namespace.info', namespace)).toMatch(
      /Status:\s+RUNNING[\s\S]*VM Classes:\s+best-effort-small,best-effort-medium[\s\S]*Content Library:\s+tkg-images/,
    );
    expect(kubectl('get', 'namespace', namespace).status.phase).toBe('Active');
    expect(output.links).toEqual([
      {
        title: 'Open in catalog',
        icon: 'catalog',
        entityRef: `resource:default/${namespace}`,
      },
      {
        title: 'Open in the vSphere Client',
        url: `${env.vcenter.url}/ui/app/namespaces/${namespace}/summary`,
      },
    ]);
    expect(output.text[0].content).toContain(
      `kubectl config use-context ${namespace}`,
    );
    expect(published).toContainEqual({
      topic: 'vsphere.resource.created',
      eventPayload: expect.objectContaining({
        kind: 'namespace',
        name: namespace,
      }),
    });
  });

  it('Virtual machine', async () => {
    const output = await run('vsphere-virtual-machine', {
      vcenter: 'testenv',
      namespace: 'demo',
      name: vm,
      owner: 'group:default/team-a',
      className: 'best-effort-small',
      imageName: 'ubuntu-2204-kube-v1.33',
      storageClass: 'k8s-gold',
    });

    const object = kubectl('get', 'virtualmachine', '-n', 'demo', vm);
    expect(object.spec).toMatchObject({
      className: 'best-effort-small',
      storageClass: 'k8s-gold',
    });
    expect(object.status.powerState).toBe('PoweredOn');
    const moref = object.status.uniqueID;
    expect(
      govc(
        'object.collect',
        '-s',
        `VirtualMachine:${moref}`,
        'runtime.powerState',
      ).trim(),
    ).toBe('poweredOn');
    expect(output.links[0]).toEqual({
      title: 'Open in catalog',
      icon: 'catalog',
      entityRef: `resource:default/demo-${vm}`,
    });
    expect(output.links[1].url).toContain(`VirtualMachine:${moref}`);
    expect(output.text[0].content).toContain(object.status.network.primaryIP4);
  });

  it('Workload cluster', async () => {
    const output = await run('vsphere-workload-cluster', {
      vcenter: 'testenv',
      namespace: 'demo',
      name: cluster,
      owner: 'group:default/team-a',
      version: 'v1.33.3+vmware.1-fips',
      controlPlaneReplicas: 1,
      vmClass: 'best-effort-small',
      storageClass: 'vSAN Default Storage Policy',
      poolName: 'workers',
      replicas: 1,
    });

    const object = kubectl('get', 'cluster', '-n', 'demo', cluster);
    expect(object.status.phase).toBe('Provisioned');
    expect(object.spec.topology.variables).toContainEqual({
      name: 'storageClass',
      value: 'vsan-default-storage-policy',
    });
    expect(output.links[0].entityRef).toBe(`resource:default/demo-${cluster}`);
  });

  it('Add a node pool', async () => {
    const output = await run('vsphere-add-node-pool', {
      vcenter: 'testenv',
      namespace: 'demo',
      cluster,
      name: 'extra',
      replicas: 1,
      vmClass: 'guaranteed-large',
    });

    const [deployment] = kubectl(
      'get',
      'machinedeployment',
      '-n',
      'demo',
      '-l',
      `cluster.x-k8s.io/cluster-name=${cluster},topology.cluster.x-k8s.io/deployment-name=extra`,
    ).items;
    expect(deployment.status.readyReplicas).toBe(1);
    expect(output.text[0].content).toContain('**extra**: 1 of 1 nodes ready');
  });

  it('Scale a node pool', async () => {
    const output = await run('vsphere-scale-node-pool', {
      vcenter: 'testenv',
      namespace: 'demo',
      cluster,
      name: 'extra',
      replicas: 2,
    });

    const object = kubectl('get', 'cluster', '-n', 'demo', cluster);
    expect(
      object.spec.topology.workers.machineDeployments.find(
        (p: { name: string }) => p.name === 'extra',
      ).replicas,
    ).toBe(2);
    expect(output.text[0].content).toContain(
      '**extra** went from 1 to 2 nodes; 2 ready.',
    );
  });
});
