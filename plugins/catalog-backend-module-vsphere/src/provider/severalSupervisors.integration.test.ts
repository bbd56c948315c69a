import {
  loadTestenv,
  testenvSupervisors,
} from '@backstage-vsphere/plugin-vsphere-node/testUtils';
import { entitiesOf, testenvProvider } from '../__testUtils__/testenv';

jest.setTimeout(60_000);

const env = loadTestenv();

describe('VsphereEntityProvider on a vCenter with two Supervisors', () => {
  let created: Awaited<ReturnType<typeof testenvProvider>>;

  beforeAll(async () => {
    created = await testenvProvider(env, {
      vcenter: { supervisors: testenvSupervisors(env) },
      catalog: {
        defaultOwner: 'guests',
        // the testenv's workload clusters: 10.244.0.0/16 and demo-cluster's API server on loopback
        kubernetes: { allowedApiServers: ['10.244.0.0/16', '127.0.0.1/32'] },
      },
    });
  });

  afterAll(() => created.clients.close());

  it("ingests each Supervisor's namespaces and VMs, annotated with the Supervisor they live on", async () => {
    await created.provider.refresh();
    const entities = entitiesOf(
      created.mutations[created.mutations.length - 1],
    );
    const supervisorOf = (name: string) => {
      const entity = entities.get(name);
      return [
        entity?.metadata.annotations?.['vsphere.vmware.com/supervisor'],
        entity?.spec?.dependsOn,
      ];
    };

    expect(entities.get('testenv.supervisor.supervisor')?.spec?.type).toBe(
      'vsphere-supervisor',
    );
    expect(entities.get('testenv.supervisor.supervisor2')?.spec?.type).toBe(
      'vsphere-supervisor',
    );
    expect(supervisorOf('demo')).toEqual([
      'supervisor',
      ['resource:default/testenv.supervisor.supervisor'],
    ]);
    expect(supervisorOf('team-a')).toEqual([
      'supervisor',
      ['resource:default/testenv.supervisor.supervisor'],
    ]);
    expect(supervisorOf('team-b')).toEqual([
      'supervisor2',
      ['resource:default/testenv.supervisor.supervisor2'],
    ]);
    // team-b's VM comes from the second Supervisor's API server, demo's from the first one's
    expect(supervisorOf('team-b.vm.team-b-app-01')).toEqual([
      'supervisor2',
      ['resource:default/team-b'],
    ]);
    expect(supervisorOf('demo.vm.demo-web-01')).toEqual([
      'supervisor',
      ['resource:default/demo'],
    ]);
    expect(
      [...entities.keys()].filter(name => name.startsWith('team-b.vm.')),
    ).toEqual(['team-b.vm.team-b-app-01']);
    // neither Supervisor failed to be read (the warnings left are the clusters' missing CAs)
    expect(
      (created.logger.warn as jest.Mock).mock.calls.map(call => call[0]),
    ).not.toContainEqual(expect.stringMatching(/Supervisor/));
    expect(created.logger.error).not.toHaveBeenCalled();
  });
});
