import { APIRequestContext, expect, test } from '@playwright/test';
import { runTemplate } from './scaffolderTasks';
import { guestApi } from './signIn';
import { govc, kubectl, testenv, tryRun, uniqueName } from './testenvCli';

// Each template runs on the running portal through the scaffolder's HTTP API, as a guest; the
// results are checked with independent clients (govc, kubectl) and in the portal's own catalog.
const backendUrl = process.env.PORTAL_BACKEND_URL ?? 'http://localhost:7007';

test.describe.configure({ mode: 'serial', timeout: 300_000 });

let api: APIRequestContext;
const namespace = uniqueName('e2e-ns');
const vm = uniqueName('e2e-vm');
const cluster = uniqueName('e2e-cl');

test.beforeAll(async () => {
  api = await guestApi(backendUrl);
});

test.afterAll(async () => {
  tryRun(() =>
    kubectl('-n', 'demo', 'delete', 'cluster', cluster, '--wait=false'),
  );
  tryRun(() =>
    kubectl('-n', 'demo', 'delete', 'virtualmachine', vm, '--wait=false'),
  );
  tryRun(() => govc('namespace.rm', namespace));
  await api?.dispose();
});

/** Starts a task from a template as the guest and resolves with its output once it completed. */
const run = (template: string, values: object) =>
  runTemplate(api, template, values);

/** The portal's catalog entity, once the catalog has it. */
async function catalogEntity(ref: string) {
  const [kind, rest] = ref.split(':');
  const [ns, name] = rest.split('/');
  let entity: any;
  await expect(async () => {
    const res = await api.get(
      `/api/catalog/entities/by-name/${kind}/${ns}/${name}`,
    );
    expect(res.status()).toBe(200);
    entity = await res.json();
  }).toPass({ timeout: 60_000 });
  return entity;
}

test('Supervisor namespace for a team', async () => {
  const output = await run('vsphere-supervisor-namespace', {
    name: namespace,
    description: 'End-to-end test',
    owner: 'group:default/team-a',
    vcenter: 'testenv',
    supervisor: 'supervisor',
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
      url: `${testenv.vcenter.url}/ui/app/namespaces/${namespace}/summary`,
    },
  ]);
  expect(output.text[0].content).toContain(
    `kubectl config use-context ${namespace}`,
  );
  const entity = await catalogEntity(`resource:default/${namespace}`);
  expect(entity.spec).toMatchObject({
    type: 'vsphere-namespace',
    owner: 'group:default/team-a',
  });
  expect(entity.metadata.description).toBe('End-to-end test');
});

test('Virtual machine', async () => {
  const output = await run('vsphere-virtual-machine', {
    vcenter: 'testenv',
    supervisor: 'supervisor',
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
    entityRef: `resource:default/demo.vm.${vm}`,
  });
  expect(output.links[1].url).toContain(`VirtualMachine:${moref}`);
  expect(output.text[0].content).toContain(object.status.network.primaryIP4);
  const entity = await catalogEntity(`resource:default/demo.vm.${vm}`);
  expect(entity.spec.owner).toBe('group:default/team-a');
});

test('Workload cluster', async () => {
  const output = await run('vsphere-workload-cluster', {
    vcenter: 'testenv',
    supervisor: 'supervisor',
    namespace: 'demo',
    name: cluster,
    // the guest's own team: the portal's policy lets only a cluster's owners scale its node pools
    owner: 'group:default/guests',
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
  expect(output.links[0].entityRef).toBe(
    `resource:default/demo.cluster.${cluster}`,
  );
  const entity = await catalogEntity(
    `resource:default/demo.cluster.${cluster}`,
  );
  expect(entity.spec.owner).toBe('group:default/guests');
});

test('Add a node pool', async () => {
  const output = await run('vsphere-add-node-pool', {
    vcenter: 'testenv',
    supervisor: 'supervisor',
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

test('Scale a node pool', async () => {
  const output = await run('vsphere-scale-node-pool', {
    vcenter: 'testenv',
    supervisor: 'supervisor',
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
