import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import {
  NamespaceInstances,
  createSpecToWire,
  createSpecToWireV2,
  namespaceFromWire,
  updateSpecToWire,
} from './namespaces';
import { RestSession } from './RestSession';
import { STUB_URL, stubHttp } from './__testUtils__/stubConfig';
import { vmClassFromWire } from './vmClasses';

describe('namespace specs on the wire', () => {
  it('sends the full create spec in snake_case with vCenter units', () => {
    expect(
      createSpecToWire({
        cluster: 'domain-c8',
        namespace: 'team-a',
        description: 'Team A',
        accessList: [
          {
            subjectType: 'USER',
            subject: 'alice',
            domain: 'vsphere.local',
            role: 'OWNER',
          },
        ],
        storageSpecs: [{ policy: 'p-1', limitMiB: 1024 }, { policy: 'p-2' }],
        resourceSpec: {
          cpuLimitMHz: 2000,
          memoryLimitMiB: 4096,
          storageRequestLimitMiB: 8192,
          podCount: 10,
        },
        vmServiceSpec: { vmClasses: ['small'], contentLibraries: ['lib-1'] },
        networks: ['workload-1'],
      }),
    ).toEqual({
      cluster: 'domain-c8',
      namespace: 'team-a',
      description: 'Team A',
      access_list: [
        {
          subject_type: 'USER',
          subject: 'alice',
          domain: 'vsphere.local',
          role: 'OWNER',
        },
      ],
      storage_specs: [{ policy: 'p-1', limit: 1024 }, { policy: 'p-2' }],
      resource_spec: {
        cpu_limit: 2000,
        memory_limit: 4096,
        storage_request_limit: 8192,
        pod_count: 10,
      },
      vm_service_spec: { vm_classes: ['small'], content_libraries: ['lib-1'] },
      networks: ['workload-1'],
    });
  });

  it('sends only the fields an update sets', () => {
    expect(updateSpecToWire({ resourceSpec: { cpuLimitMHz: 1000 } })).toEqual({
      resource_spec: { cpu_limit: 1000 },
    });
  });

  it('reads namespace info from either API version', () => {
    expect(
      namespaceFromWire(
        {
          supervisor: 'sv-1',
          config_status: 'ERROR',
          description: '',
          messages: [
            {
              severity: 'ERROR',
              details: { default_message: 'Quota exceeded.' },
            },
          ],
          stats: { cpu_used: 10, memory_used: 20, storage_used: 30 },
          storage_specs: [{ policy: 'p-1', limit: 100 }],
          resource_spec: { memory_limit: 512 },
          access_list: [
            { subject_type: 'GROUP', subject: 'g', domain: 'd', role: 'VIEW' },
          ],
        },
        'team-a',
      ),
    ).toEqual({
      name: 'team-a',
      cluster: 'sv-1',
      configStatus: 'ERROR',
      messages: ['Quota exceeded.'],
      stats: { cpuUsedMHz: 10, memoryUsedMiB: 20, storageUsedMiB: 30 },
      storageSpecs: [{ policy: 'p-1', limitMiB: 100 }],
      resourceSpec: { memoryLimitMiB: 512 },
      accessList: [
        { subjectType: 'GROUP', subject: 'g', domain: 'd', role: 'VIEW' },
      ],
    });
  });
});

describe('v2 namespaces on the wire', () => {
  it('sends zones, library settings and the network as the v2 create takes them', () => {
    expect(
      createSpecToWireV2({
        cluster: 'domain-c8',
        namespace: 'team-z',
        zones: ['zone-a', 'zone-b'],
        contentLibraries: [{ contentLibrary: 'lib-1', writable: true }],
        networkSpec: {
          networkProvider: 'NSX_VPC',
          vpcNetwork: { defaultSubnetSize: 16 },
        },
      }),
    ).toEqual({
      supervisor: 'domain-c8',
      namespace: 'team-z',
      zones: [{ name: 'zone-a' }, { name: 'zone-b' }],
      content_libraries: [{ content_library: 'lib-1', writable: true }],
      network_spec: {
        network_provider: 'NSX_VPC',
        vpc_network: { default_subnet_size: 16 },
      },
    });
  });

  it('reads zones, library settings, the VPC and the self-service flag', () => {
    expect(
      namespaceFromWire(
        {
          supervisor: 'domain-c8',
          config_status: 'RUNNING',
          zones: [
            { zone: 'zone-a', type: 'MANAGEMENT', marked_for_removal: false },
          ],
          content_libraries: [
            { content_library: 'lib-1', writable: false, allow_import: true },
          ],
          network_spec: {
            network_provider: 'NSX_VPC',
            vpc_network: {
              vpc: '/orgs/default/projects/p/vpcs/v',
              auto_created: false,
              default_subnet_size: 16,
              vpc_config: {
                private_cidrs: [{ address: '10.0.0.0', prefix: 16 }],
              },
            },
          },
          self_service_namespace: true,
        },
        'team-z',
      ),
    ).toEqual({
      name: 'team-z',
      cluster: 'domain-c8',
      configStatus: 'RUNNING',
      messages: [],
      zones: [{ zone: 'zone-a', type: 'MANAGEMENT', markedForRemoval: false }],
      contentLibraries: [
        { contentLibrary: 'lib-1', writable: false, allowImport: true },
      ],
      networkSpec: {
        networkProvider: 'NSX_VPC',
        vpcNetwork: {
          vpc: '/orgs/default/projects/p/vpcs/v',
          autoCreated: false,
          defaultSubnetSize: 16,
          privateCidrs: [{ address: '10.0.0.0', prefix: 16 }],
        },
      },
      selfService: true,
    });
  });
});

describe('NamespaceInstances against a vCenter without the v2 API', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  function instances() {
    const { config, logger, http: transport } = stubHttp();
    return new NamespaceInstances(new RestSession(transport, config, logger));
  }

  it('reads v1 after one 404 of the v2 route, and refuses zones it cannot send', async () => {
    const calls: string[] = [];
    server.use(
      http.post(`${STUB_URL}/api/session`, () =>
        HttpResponse.json('t', { status: 201 }),
      ),
      http.get(`${STUB_URL}/api/vcenter/namespaces/instances/v2/:name`, () => {
        calls.push('GET v2');
        return new HttpResponse('404 page not found', { status: 404 });
      }),
      http.get(`${STUB_URL}/api/vcenter/namespaces/instances/:name`, () => {
        calls.push('GET v1');
        return HttpResponse.json({
          cluster: 'domain-c8',
          config_status: 'RUNNING',
        });
      }),
      http.post(`${STUB_URL}/api/vcenter/namespaces/instances/v2`, () => {
        calls.push('POST v2');
        return new HttpResponse('404 page not found', { status: 404 });
      }),
    );
    const api = instances();
    await expect(api.get('demo')).resolves.toMatchObject({
      name: 'demo',
      cluster: 'domain-c8',
    });
    await api.get('demo');
    await expect(
      api.create({ cluster: 'domain-c8', namespace: 'z', zones: ['zone-a'] }),
    ).rejects.toThrow(
      "Cannot create Supervisor namespace 'z': this vCenter does not serve the v2 namespaces API",
    );
    expect(calls).toEqual(['GET v2', 'GET v1', 'GET v1', 'POST v2']);
  });

  it('treats a vCenter without zone bindings as a Supervisor without zones', async () => {
    server.use(
      http.post(`${STUB_URL}/api/session`, () =>
        HttpResponse.json('t', { status: 201 }),
      ),
      http.get(
        `${STUB_URL}/api/vcenter/namespace-management/supervisors/:id/zones/bindings`,
        () => new HttpResponse('404 page not found', { status: 404 }),
      ),
    );
    await expect(instances().listSupervisorZones('domain-c8')).resolves.toEqual(
      [],
    );
  });
});

describe('VM classes on the wire', () => {
  it('reads memory whatever the casing of its key', () => {
    for (const raw of [
      { id: 'a', cpu_count: 2, memory_MB: 4096 },
      { id: 'a', cpu_count: 2, memory_mb: 4096 },
      { id: 'a', cpu_count: 2, memory_size_MiB: 4096 },
    ]) {
      expect(vmClassFromWire(raw)).toEqual({
        id: 'a',
        cpuCount: 2,
        memoryMiB: 4096,
      });
    }
  });
});
