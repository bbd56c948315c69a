import { readRecordedRequests } from '@backstage-vsphere/plugin-vsphere-node/testUtils';
import {
  mutatingRequests,
  recorderPosition,
  runAction,
  runActionFailing,
  testenvActionOptions,
  testenvClients,
  uniqueName,
} from '../__testUtils__/testenv';
import { createVsphereNamespaceCreateAction } from './vsphereNamespaceCreate';

jest.setTimeout(120_000);

// Both Supervisors of the testenv's vCenter: each has its own zones.
const { env, clients } = testenvClients({ bothSupervisors: true });
const created: string[] = [];

function setup() {
  const deps = testenvActionOptions(clients);
  return { ...deps, action: createVsphereNamespaceCreateAction(deps.options) };
}

function newName(prefix = 'it-zone') {
  const name = uniqueName(prefix);
  created.push(name);
  return name;
}

const v2Posts = (since: number, name: string) =>
  mutatingRequests(env, since, name).filter(
    r =>
      r.method === 'POST' && r.path === '/api/vcenter/namespaces/instances/v2',
  );

afterAll(async () => {
  const vc = clients.vcenter();
  await Promise.allSettled(created.map(n => vc.deleteNamespace(n)));
  await clients.close();
});

describe('vsphere:namespace:create with zones against the testenv', () => {
  it('places the namespace in the asked zones over the v2 API, once when run twice', async () => {
    const { action } = setup();
    const name = newName();
    const input = { name, supervisor: 'supervisor', zones: ['zone-b'] };
    const since = recorderPosition(env);

    const first = await runAction(action, input);
    const second = await runAction(action, input);

    const posts = v2Posts(since, name);
    expect(posts).toHaveLength(1);
    expect(posts[0].body).toEqual({
      supervisor: env.vcenter.wcpClusterId,
      namespace: name,
      zones: [{ name: 'zone-b' }],
    });
    expect(first.outputs).toMatchObject({
      created: true,
      configStatus: 'RUNNING',
    });
    expect(second.outputs.created).toBe(false);
    const namespace = await clients.vcenter().getNamespace(name);
    expect(namespace.zones?.map(z => z.zone)).toEqual(['zone-b']);

    const { error } = await runActionFailing(action, {
      ...input,
      zones: ['zone-a'],
    });
    expect(error.message).toBe(
      `Supervisor namespace '${name}' already exists on vCenter 'testenv' and differs in: zones; change it with vsphere:namespace:update or choose another name`,
    );
  });

  it("refuses a zone outside the Supervisor's before sending anything, listing the valid zones", async () => {
    const { action, authorize } = setup();
    const name = newName();
    const since = recorderPosition(env);

    const { error } = await runActionFailing(action, {
      name,
      supervisor: 'supervisor',
      zones: ['zone-a', 'zone-c'],
    });

    expect(error.name).toBe('InputError');
    expect(error.message).toBe(
      `zones[1]: 'zone-c' is not a zone of Supervisor 'supervisor' (${env.vcenter.wcpClusterId}) of vCenter 'testenv'; valid zones: zone-a, zone-b`,
    );
    expect(mutatingRequests(env, since, name)).toEqual([]);
    expect(authorize).not.toHaveBeenCalled();
  });

  it("checks the second Supervisor's own zones: its zone passes a dry run, the first one's is refused", async () => {
    const { action } = setup();
    const name = newName();
    const since = recorderPosition(env);

    const refused = await runActionFailing(
      action,
      { name, supervisor: 'supervisor2', zones: ['zone-a'] },
      { isDryRun: true },
    );
    expect(refused.error.message).toBe(
      `zones[0]: 'zone-a' is not a zone of Supervisor 'supervisor2' (${env.vcenter.wcp2ClusterId}) of vCenter 'testenv'; valid zones: zone-c`,
    );

    const dry = await runAction(
      action,
      { name, supervisor: 'supervisor2', zones: ['zone-c'] },
      { isDryRun: true },
    );
    expect(dry.lines).toContain(
      `info: Dry run: would create Supervisor namespace '${name}' on cluster '${env.vcenter.wcp2ClusterId}' of vCenter 'testenv' with zones zone-c`,
    );
    expect(mutatingRequests(env, since, name)).toEqual([]);
    // both runs read the second Supervisor's zones, never the first one's
    const zoneReads = readRecordedRequests(env, since)
      .filter(r => r.path.endsWith('/zones/bindings'))
      .map(r => r.path);
    expect(zoneReads).toEqual([
      `/api/vcenter/namespace-management/supervisors/${env.vcenter.wcp2ClusterId}/zones/bindings`,
      `/api/vcenter/namespace-management/supervisors/${env.vcenter.wcp2ClusterId}/zones/bindings`,
    ]);
  });
});
