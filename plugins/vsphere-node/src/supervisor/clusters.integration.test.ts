import { WorkloadCluster } from '@backstage-vsphere/plugin-vsphere-common';
import { SupervisorClient } from './SupervisorClient';
import {
  eventually,
  testenvSupervisorClient,
  uniqueName,
} from './__testUtils__/testenvSupervisor';

jest.setTimeout(180_000);

const pool = (cluster: WorkloadCluster, name: string) =>
  cluster.nodePools.find(p => p.name === name);

/** Every pool has as many ready replicas and Machines as it asks for. */
const settled = (cluster: WorkloadCluster) =>
  cluster.nodePools.every(
    p =>
      p.readyReplicas === p.desiredReplicas &&
      p.machines.length === p.desiredReplicas,
  );

describe('SupervisorClient against the testenv: clusters and node pools', () => {
  let client: SupervisorClient;
  let v1beta1Client: SupervisorClient;
  const name = uniqueName('it-cluster');
  const v1beta1Name = uniqueName('it-v1beta1');

  beforeAll(() => {
    client = testenvSupervisorClient().client;
    // The same server read through the older Cluster API version.
    v1beta1Client = testenvSupervisorClient(
      {},
      { versions: { clusterApi: ['v1beta1'] } },
    ).client;
  });

  afterAll(async () => {
    await client?.deleteCluster('demo', name).catch(() => {});
    await client?.deleteCluster('demo', v1beta1Name).catch(() => {});
    client?.close();
    v1beta1Client?.close();
  });

  it('lists the seeded cluster with node pools, MachineDeployment status and Machines', async () => {
    const clusters = await eventually(
      () => client.listWorkloadClusters('demo'),
      list => {
        const demo = list.find(c => c.name === 'demo-cluster');
        return Boolean(demo && settled(demo));
      },
    );
    const demo = clusters.find(c => c.name === 'demo-cluster')!;
    expect(demo).toMatchObject({
      namespace: 'demo',
      kind: 'Cluster',
      clusterClass: 'tanzukubernetescluster',
      version: 'v1.33.3+vmware.1-fips',
      controlPlaneReplicas: 1,
      controlPlaneReady: true,
    });
    // Other suites may scale the shared seed cluster, so its counts are not asserted here.
    expect(demo.nodePools.map(p => [p.name, p.class, p.vmClass])).toEqual([
      ['np-small', 'node-pool', 'best-effort-small'],
      ['np-large', 'node-pool', 'guaranteed-large'],
    ]);
    const small = pool(demo, 'np-small')!;
    expect(small).toMatchObject({
      storageClass: 'vsan-default-storage-policy',
      phase: 'Running',
    });
    expect(small.machines[0]).toMatchObject({
      phase: 'Running',
      providerID: expect.stringMatching(/^vsphere:\/\/[0-9a-f-]{36}$/),
      nodeName: small.machines[0].name,
    });
  });

  it('reads the same cluster through v1beta1 (class by name, status moved)', async () => {
    await expect(v1beta1Client.apiVersions()).resolves.toMatchObject({
      clusterApi: 'v1beta1',
    });
    const viaV1beta2 = await client.getWorkloadCluster('demo', 'demo-cluster');
    const viaV1beta1 = await v1beta1Client.getWorkloadCluster(
      'demo',
      'demo-cluster',
    );
    expect(viaV1beta1.clusterClass).toBe('tanzukubernetescluster');
    expect(
      viaV1beta1.nodePools.map(p => [p.name, p.desiredReplicas, p.vmClass]),
    ).toEqual(
      viaV1beta2.nodePools.map(p => [p.name, p.desiredReplicas, p.vmClass]),
    );
  });

  it('reads the status a user sees the same through v1beta1 and v1beta2', async () => {
    // status moved between the versions (v1beta2: initialization, v1beta1 counters under deprecated)
    const shown = (c: WorkloadCluster) => ({
      version: c.version,
      controlPlaneReplicas: c.controlPlaneReplicas,
      controlPlaneReady: c.controlPlaneReady,
      pools: c.nodePools.map(p => ({
        name: p.name,
        desired: p.desiredReplicas,
        ready: p.readyReplicas,
        phase: p.phase,
        machines: p.machines.map(m => m.providerID).sort(),
      })),
    });
    const [viaV1beta2, viaV1beta1] = await eventually(
      () =>
        Promise.all([
          client.getWorkloadCluster('demo', 'demo-cluster'),
          v1beta1Client.getWorkloadCluster('demo', 'demo-cluster'),
        ]),
      ([a, b]) =>
        settled(a) &&
        settled(b) &&
        JSON.stringify(shown(a)) === JSON.stringify(shown(b)),
    );
    expect(shown(viaV1beta1)).toEqual(shown(viaV1beta2));
    expect(viaV1beta1).toMatchObject({
      version: 'v1.33.3+vmware.1-fips',
      controlPlaneReady: true,
    });
    expect(viaV1beta1.nodePools.every(p => p.readyReplicas > 0)).toBe(true);
  });

  it('writes a cluster through v1beta1 that v1beta2 reads with its class and pools', async () => {
    const written = await v1beta1Client.applyCluster({
      name: v1beta1Name,
      namespace: 'demo',
      clusterClass: 'tanzukubernetescluster',
      version: 'v1.33.3+vmware.1-fips',
      vmClass: 'best-effort-small',
      storageClass: 'vsan-default-storage-policy',
      nodePools: [{ name: 'np-a', replicas: 1 }],
    });
    expect(written).toMatchObject({ name: v1beta1Name, kind: 'Cluster' });
    const raw = await client.get('Cluster', v1beta1Name, { namespace: 'demo' });
    expect(raw.apiVersion).toBe('cluster.x-k8s.io/v1beta2');
    expect((raw.spec as any).topology.classRef).toEqual({
      name: 'tanzukubernetescluster',
    });
    const read = await client.getWorkloadCluster('demo', v1beta1Name);
    expect(read).toMatchObject({
      clusterClass: 'tanzukubernetescluster',
      version: 'v1.33.3+vmware.1-fips',
    });
    expect(
      read.nodePools.map(p => [p.name, p.desiredReplicas, p.vmClass]),
    ).toEqual([['np-a', 1, 'best-effort-small']]);
    await client.deleteCluster('demo', v1beta1Name);
  });

  it('lists clusters through v1beta1 as through v1beta2', async () => {
    const names = (list: WorkloadCluster[]) =>
      list.map(c => `${c.kind}/${c.name}/${c.clusterClass ?? ''}`).sort();
    const [v2, v1] = await Promise.all([
      client.listWorkloadClusters('demo'),
      v1beta1Client.listWorkloadClusters('demo'),
    ]);
    expect(names(v1)).toEqual(names(v2));
    expect(names(v1)).toContain('Cluster/demo-cluster/tanzukubernetescluster');
  });

  it('reads the seeded TanzuKubernetesCluster into the same shape', async () => {
    const tkc = await client.getWorkloadCluster('team-a', 'team-a-tkc');
    expect(tkc).toMatchObject({
      name: 'team-a-tkc',
      namespace: 'team-a',
      kind: 'TanzuKubernetesCluster',
      version: 'v1.32.7---vmware.1-fips-vkr.2',
      controlPlaneReplicas: 1,
      nodePools: [
        {
          name: 'workers',
          desiredReplicas: 2,
          vmClass: 'best-effort-medium',
          storageClass: 'k8s-gold',
        },
      ],
    });
    const listed = await client.listWorkloadClusters('team-a');
    expect(listed.map(c => `${c.kind}/${c.name}`)).toContain(
      'TanzuKubernetesCluster/team-a-tkc',
    );
  });

  it('creates a cluster, scales a pool through the topology, adds and removes a pool', async () => {
    const createdCluster = await client.applyCluster({
      name,
      namespace: 'demo',
      clusterClass: 'tanzukubernetescluster',
      version: 'v1.33.3+vmware.1-fips',
      vmClass: 'best-effort-small',
      storageClass: 'vsan-default-storage-policy',
      nodePools: [{ name: 'np-a', class: 'node-pool', replicas: 1 }],
      clusterNetwork: {
        pods: { cidrBlocks: ['192.168.156.0/20'] },
        services: { cidrBlocks: ['10.96.0.0/12'] },
        serviceDomain: 'cluster.local',
      },
    });
    expect(createdCluster).toMatchObject({ name, kind: 'Cluster' });
    await eventually(() => client.getWorkloadCluster('demo', name), settled);

    const scaled = await client.scaleNodePool('demo', name, 'np-a', 3);
    expect(pool(scaled, 'np-a')!.desiredReplicas).toBe(3);
    const afterScale = await eventually(
      () => client.getWorkloadCluster('demo', name),
      c => pool(c, 'np-a')!.readyReplicas === 3,
    );
    expect(pool(afterScale, 'np-a')!.machines).toHaveLength(3);

    // The desired count lives in the Cluster; the MachineDeployment was never written by us.
    const [md] = await client.list('MachineDeployment', {
      namespace: 'demo',
      labelSelector: `cluster.x-k8s.io/cluster-name=${name}`,
    });
    const managers = (
      (md.metadata as { managedFields?: { manager: string }[] })
        .managedFields ?? []
    ).map(f => f.manager);
    expect(managers).not.toContain('backstage-vsphere');

    const added = await client.addNodePool('demo', name, {
      name: 'np-b',
      replicas: 1,
      vmClass: 'guaranteed-large',
    });
    expect(pool(added, 'np-b')).toMatchObject({
      class: 'node-pool',
      desiredReplicas: 1,
      vmClass: 'guaranteed-large',
    });
    await eventually(
      () => client.getWorkloadCluster('demo', name),
      c => pool(c, 'np-b')?.readyReplicas === 1,
    );

    const removed = await client.removeNodePool('demo', name, 'np-b');
    expect(removed.nodePools.map(p => p.name)).toEqual(['np-a']);
    // Removing it again is a no-op, not an error.
    await expect(
      client.removeNodePool('demo', name, 'np-b'),
    ).resolves.toMatchObject({ name });
  });
});
