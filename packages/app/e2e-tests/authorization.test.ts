import { expect, test } from '@playwright/test';
import { guestApi } from './signIn';
import { kubectl, teamAWorkers } from './testenvCli';

// The whole chain as the portal runs it: the guest's real token, the catalog module's entities,
// the permission backend and the demo policy. Team-a owns namespace team-a and its cluster.
const backendUrl = process.env.PORTAL_BACKEND_URL ?? 'http://localhost:7007';

test("the guest cannot scale team-a's cluster through any page, nor power its nodes", async () => {
  const api = await guestApi(backendUrl);
  const before = teamAWorkers();
  for (const page of [
    'resource/team-a',
    'resource/team-a.cluster.team-a-tkc',
  ]) {
    const res = await api.post(
      `/api/vsphere/entities/default/${page}/clusters/team-a-tkc/nodepools/workers/scale`,
      { data: { replicas: before + 1 } },
    );
    expect(res.status()).toBe(403);
    expect((await res.json()).error.message).toBe(
      "Not allowed to scale node pool 'workers' of cluster 'team-a-tkc': the permission policy denies 'vsphere.nodepool.scale' on resource:default/team-a.cluster.team-a-tkc",
    );
  }
  // the page of a guest-owned service cannot reach into another namespace
  const viaDemo = await api.post(
    '/api/vsphere/entities/default/component/demo-web/clusters/team-a-tkc/nodepools/workers/scale',
    { data: { replicas: before + 1 } },
  );
  expect(viaDemo.status()).toBe(403);
  expect(teamAWorkers()).toBe(before);

  // a node VM of the guests' own cluster is changed with its node pool, never one by one
  const node = kubectl(
    '-n',
    'demo',
    'get',
    'virtualmachines',
    '-l',
    'capv.vmware.com/cluster.name=demo-cluster',
    '-o',
    'json',
  ).items[0].metadata.name;
  const power = await api.post(
    `/api/vsphere/entities/default/resource/demo/vms/${node}/power`,
    { data: { action: 'off' } },
  );
  expect([403, 404]).toContain(power.status());
  await api.dispose();
});
