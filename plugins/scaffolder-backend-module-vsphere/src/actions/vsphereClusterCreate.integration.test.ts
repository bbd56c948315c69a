import {
  CheckpointStore,
  runAction,
  runActionFailing,
  testenvActionOptions,
  testenvClients,
  uniqueName,
} from '../__testUtils__/testenv';
import { createVsphereClusterCreateAction } from './vsphereClusterCreate';

jest.setTimeout(180_000);

const { env, clients } = testenvClients();
const supervisor = clients.supervisor();
const created: string[] = [];

function setup() {
  const deps = testenvActionOptions(clients);
  return { ...deps, action: createVsphereClusterCreateAction(deps.options) };
}

function newName(prefix = 'it-cl') {
  const name = uniqueName(prefix);
  created.push(name);
  return name;
}

const baseInput = (name: string) => ({
  namespace: 'demo',
  name,
  version: 'v1.33.3+vmware.1-fips',
  vmClass: 'best-effort-small',
  storageClass: 'vsan-default-storage-policy',
  nodePools: [{ name: 'workers', replicas: 1 }],
});

const clusterObject = (name: string) =>
  supervisor.get('Cluster', name, { namespace: 'demo' });

const clusterExists = (name: string) =>
  clusterObject(name).then(
    () => true,
    error => (error.name === 'NotFoundError' ? false : Promise.reject(error)),
  );

afterAll(async () => {
  await Promise.allSettled(
    created.map(n => supervisor.deleteCluster('demo', n)),
  );
  await clients.close();
});

describe('vsphere:cluster:create against the testenv', () => {
  const name = newName();

  it('applies the Cluster topology and waits for the control plane and every node', async () => {
    const { action, authorize, auditEvent, events } = setup();

    const { outputs, lines } = await runAction(action, {
      ...baseInput(name),
      nodePools: [
        { name: 'workers', replicas: 2 },
        {
          name: 'large',
          replicas: 1,
          vmClass: 'guaranteed-large',
          storageClass: 'k8s-gold',
        },
      ],
      labels: { app: 'payments' },
      owner: 'group:default/team-a',
    });

    const cluster = await clusterObject(name);
    expect(cluster.metadata.labels).toEqual({ app: 'payments' });
    expect(cluster.metadata.annotations).toMatchObject({
      'backstage.io/owner': 'group:default/team-a',
    });
    expect(cluster.spec).toMatchObject({
      topology: {
        classRef: { name: 'tanzukubernetescluster' },
        version: 'v1.33.3+vmware.1-fips',
        controlPlane: { replicas: 1 },
        variables: [
          { name: 'vmClass', value: 'best-effort-small' },
          { name: 'storageClass', value: 'vsan-default-storage-policy' },
        ],
        workers: {
          machineDeployments: [
            { class: 'node-pool', name: 'workers', replicas: 2 },
            {
              class: 'node-pool',
              name: 'large',
              replicas: 1,
              variables: {
                overrides: [
                  { name: 'vmClass', value: 'guaranteed-large' },
                  { name: 'storageClass', value: 'k8s-gold' },
                ],
              },
            },
          ],
        },
      },
    });
    const deployments = await supervisor.list('MachineDeployment', {
      namespace: 'demo',
      labelSelector: `cluster.x-k8s.io/cluster-name=${name}`,
    });
    expect(
      deployments
        .map(d => [
          d.metadata.labels?.['topology.cluster.x-k8s.io/deployment-name'],
          (d.status as { readyReplicas?: number }).readyReplicas,
        ])
        .sort(),
    ).toEqual([
      ['large', 1],
      ['workers', 2],
    ]);
    expect(outputs).toEqual({
      vcenter: 'testenv',
      namespace: 'demo',
      name,
      entityRef: `resource:default/demo.cluster.${name}`,
      vsphereClientUrl: `${env.vcenter.url}/ui/app/namespaces/demo/summary`,
      kubectlLoginCommand: `kubectl vsphere login --server=127.0.0.1 --vsphere-username YOUR-NAME@vsphere.local --tanzu-kubernetes-cluster-namespace demo --tanzu-kubernetes-cluster-name ${name} && kubectl config use-context ${name}`,
      phase: 'Provisioned',
      nodePools: [
        { name: 'workers', replicas: 2, readyReplicas: 2 },
        { name: 'large', replicas: 1, readyReplicas: 1 },
      ],
      created: true,
    });
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^info: Cluster '.*': phase .*, control plane not ready; workers 0\/2 ready, large 0\/1 ready/,
      ),
    );
    expect(authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'vsphere.cluster.create',
          }),
          resourceRef: 'resource:default/demo',
        },
      ],
      expect.anything(),
    );
    expect(auditEvent.success).toHaveBeenCalledTimes(1);
    expect(events.publish).toHaveBeenCalledWith({
      topic: 'vsphere.resource.created',
      eventPayload: {
        vcenter: 'testenv',
        kind: 'cluster',
        namespace: 'demo',
        name,
        owner: 'group:default/team-a',
      },
    });
  });

  it('leaves the cluster alone when run again as asked', async () => {
    const { action, auditor } = setup();
    const before = await clusterObject(name);

    const { outputs } = await runAction(action, {
      ...baseInput(name),
      nodePools: [
        {
          name: 'large',
          replicas: 1,
          vmClass: 'guaranteed-large',
          storageClass: 'k8s-gold',
        },
        { name: 'workers', replicas: 2 },
      ],
      labels: { app: 'payments' },
      owner: 'group:default/team-a',
    });

    const after = await clusterObject(name);
    expect(outputs.created).toBe(false);
    expect(after.metadata.uid).toBe(before.metadata.uid);
    expect(after.metadata.generation).toBe(before.metadata.generation);
    expect(auditor.createEvent).not.toHaveBeenCalled();
  });

  it('fails with a conflict naming each differing field', async () => {
    const { action } = setup();

    const { error } = await runActionFailing(action, {
      ...baseInput(name),
      controlPlaneReplicas: 3,
      nodePools: [
        { name: 'workers', replicas: 3 },
        { name: 'large', replicas: 1, vmClass: 'best-effort-medium' },
      ],
    });

    expect(error.name).toBe('ConflictError');
    expect(error.message).toBe(
      `Cluster '${name}' already exists in namespace 'demo' and differs in: controlPlaneReplicas, nodePools[workers].replicas, nodePools[large].vmClass, nodePools[large].storageClass; change it with the node pool actions or choose another name`,
    );
  });

  it('completes a retry without a second write when the first attempt died after applying', async () => {
    const { action } = setup();
    const retried = newName();
    const checkpoints = new CheckpointStore();
    checkpoints.crashBeforeStore = true;
    // The reconciler edits the spec too, so writes are counted at the client, not by generation.
    const apply = jest.spyOn(supervisor, 'applyCluster');

    await runActionFailing(action, baseInput(retried), { checkpoints });
    const first = await clusterObject(retried);
    checkpoints.crashBeforeStore = false;
    const retry = await runAction(
      action,
      { ...baseInput(retried), timeoutSeconds: 60 },
      { checkpoints },
    );

    expect(apply).toHaveBeenCalledTimes(1);
    apply.mockRestore();
    expect((await clusterObject(retried)).metadata.uid).toBe(
      first.metadata.uid,
    );
    expect(retry.outputs).toMatchObject({
      created: false,
      nodePools: [{ name: 'workers', replicas: 1, readyReplicas: 1 }],
    });
  });

  it('validates in a dry run and creates nothing', async () => {
    const { action } = setup();
    const dry = newName('it-cl-dry');

    const { outputs, lines } = await runAction(action, baseInput(dry), {
      isDryRun: true,
    });

    expect(lines).toContain(
      `info: Dry run: would create cluster '${dry}' in namespace 'demo' (tanzukubernetescluster, v1.33.3+vmware.1-fips, 1 control plane node(s), node pools workers×1)`,
    );
    expect(outputs).toMatchObject({ phase: 'NOT_CREATED', created: false });
    await expect(clusterExists(dry)).resolves.toBe(false);
  });

  it('stops waiting as soon as the task is cancelled', async () => {
    const { action } = setup();
    const cancelled = newName();
    const controller = new AbortController();
    let abortedAt = 0;

    const { error } = await runActionFailing(action, baseInput(cancelled), {
      signal: controller.signal,
      onLog: line => {
        if (/^info: Cluster '.*': phase/.test(line) && !abortedAt) {
          abortedAt = Date.now();
          controller.abort();
        }
      },
    });

    expect(abortedAt).toBeGreaterThan(0);
    expect(error.message).toBe(
      `Cancelled while waiting for cluster '${cancelled}' and its node pools to be ready`,
    );
    expect(Date.now() - abortedAt).toBeLessThan(1_000);
  });

  describe('rejects bad input naming the field and the rule, and creates nothing', () => {
    const bad = uniqueName('it-cl-bad');
    it.each([
      [{ name: 'Payments' }, /^name: 'Payments' is not a DNS-1123 label/],
      [
        { namespace: 'nowhere' },
        /^namespace: 'nowhere' is not a namespace of Supervisor 'supervisor'; valid: demo, team-a/,
      ],
      [
        { version: '1.33' },
        /^version: '1.33' is not a Kubernetes version; use v<major>.<minor>.<patch>/,
      ],
      [
        { version: 'v1.20.1' },
        /^version: no image of namespace 'demo' provides Kubernetes v1.20.1; available: v1.32.7\+vmware.1\S*, v1.33.3\+vmware.1\S*$/,
      ],
      [
        // the class's labels allow v1.33 to v1.36; of the namespace's releases only v1.33 is in range
        {
          clusterClass: 'builtin-generic-v3.4.0',
          version: 'v1.32.7+vmware.1-fips',
        },
        /^version: Kubernetes v1.32.7\+vmware.1-fips is outside the versions ClusterClass 'builtin-generic-v3.4.0' supports v1.33 to v1.36 \(labels kubernetes.vmware.com\/min-version-supported and kubernetes.vmware.com\/max-version-supported\); valid: v1.33.3\+vmware.1-fips$/,
      ],
      [
        { controlPlaneReplicas: 2 },
        /^controlPlaneReplicas: 2 is not allowed; use 1 or 3$/,
      ],
      [
        { vmClass: 'huge' },
        /^vmClass: 'huge' is not a VM class of namespace 'demo'; valid: best-effort-medium, best-effort-small, guaranteed-large$/,
      ],
      [
        { storageClass: 'gold' },
        /^storageClass: 'gold' is not a storage class of namespace 'demo'; valid: k8s-gold, vsan-default-storage-policy$/,
      ],
      [
        { clusterClass: 'builtin-generic' },
        /^clusterClass: 'builtin-generic' is not a ClusterClass in namespace 'demo'; valid: builtin-generic-v3.4.0, tanzukubernetescluster$/,
      ],
      [
        { workerClass: 'gpu-pool' },
        /^workerClass: 'gpu-pool' is not a worker class of ClusterClass 'tanzukubernetescluster'; valid: node-pool$/,
      ],
      [
        { nodePools: [] },
        /^Invalid input passed to action vsphere:cluster:create, instance\.nodePools does not meet minimum length of 1$/,
      ],
      [
        {
          nodePools: [
            { name: 'a', replicas: 1 },
            { name: 'a', replicas: 2 },
          ],
        },
        /^nodePools: 'a' is listed more than once$/,
      ],
      [
        { nodePools: [{ name: 'a', replicas: 1, failureDomain: 'zone-c' }] },
        /^nodePools\[0\]\.failureDomain: 'zone-c' is not a zone of namespace 'demo' on Supervisor 'supervisor' \(domain-c\d+\) of vCenter 'testenv'; valid zones: zone-a, zone-b$/,
      ],
      [
        { nodePools: [{ name: 'Pool_1', replicas: 1 }] },
        /^nodePools\[0\]\.name: 'Pool_1' is not a DNS-1123 label/,
      ],
      [
        { nodePools: [{ name: 'a', replicas: 101 }] },
        /^Invalid input passed to action vsphere:cluster:create, instance\.nodePools\[0\]\.replicas must be less than or equal to 100$/,
      ],
      [
        { nodePools: [{ name: 'a', replicas: 1.5 }] },
        /^Invalid input passed to action vsphere:cluster:create, instance\.nodePools\[0\]\.replicas is not of a type\(s\) integer$/,
      ],
      [
        { nodePools: [{ name: 'a', replicas: 1, vmClass: 'huge' }] },
        /^nodePools\[0\]\.vmClass: 'huge' is not a VM class of namespace 'demo'/,
      ],
      [
        { nodePools: [{ name: 'a', replicas: 1, storageClass: 'gold' }] },
        /^nodePools\[0\]\.storageClass: 'gold' is not a storage class/,
      ],
    ])('%j', async (override, message) => {
      const { action } = setup();

      const { error } = await runActionFailing(action, {
        ...baseInput(bad),
        ...override,
      });

      expect(error.name).toBe('InputError');
      expect(error.message).toMatch(message);
      await expect(clusterExists(bad)).resolves.toBe(false);
    });
  });
});
