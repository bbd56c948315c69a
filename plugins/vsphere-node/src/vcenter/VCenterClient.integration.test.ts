import net from 'node:net';
import tls from 'node:tls';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { readVsphereConfig } from '../config';
import {
  RecordedRequest,
  TestenvInfo,
  dropSimulatorSessions,
  loadTestenv,
  readRecordedRequests,
  recorderPosition,
  simulatorSessions,
  testenvVsphereConfig,
} from '../testUtils';
import { VCenterClient } from './VCenterClient';
import { NamespaceCreateSpec } from './types';

// Everything here talks to one simulator and counts its recorded requests, so it stays in one
// file: Jest runs the tests of a file one after another.
const env: TestenvInfo = loadTestenv();
const open: VCenterClient[] = [];

function client(overrides: JsonObject = {}): VCenterClient {
  const [config] = readVsphereConfig(
    new ConfigReader({ vsphere: testenvVsphereConfig(env, overrides) }),
  );
  const created = VCenterClient.create(config, {
    logger: mockServices.logger.mock(),
  });
  open.push(created);
  return created;
}

function since(position: number): RecordedRequest[] {
  return readRecordedRequests(env, position);
}

const isRestLogin = (r: RecordedRequest) =>
  r.method === 'POST' &&
  (r.path === '/api/session' || r.path === '/rest/com/vmware/cis/session') &&
  r.status < 300;
const isSoapLogin = (r: RecordedRequest) =>
  r.operation === 'Login' && r.status === 200;
const soapOps = (requests: RecordedRequest[]) =>
  requests.filter(r => r.operation).map(r => r.operation!);

/** Fails unless the error names no secret, whichever way it is printed. */
function expectNoSecrets(error: unknown, secrets: string[]) {
  const printed = `${String(error)}\n${JSON.stringify(error)}\n${
    (error as Error).stack
  }`;
  for (const secret of secrets) {
    expect(printed).not.toContain(secret);
  }
  expect(printed.toLowerCase()).not.toContain('authorization');
  expect(printed).not.toContain('vmware_soap_session');
  expect(printed).not.toContain('vmware-api-session-id');
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

afterEach(async () => {
  await Promise.all(open.splice(0).map(c => c.close()));
});

describe('VCenterClient against the vSphere simulator', () => {
  describe('round trips', () => {
    it('lists Supervisor clusters, namespaces and VM classes', async () => {
      const vc = client();
      const clusters = await vc.listSupervisorClusters();
      expect(clusters.map(c => c.cluster)).toContain(env.vcenter.wcpClusterId);

      const namespaces = await vc.listNamespaces();
      expect(namespaces.map(n => n.name)).toEqual(
        expect.arrayContaining(['demo', 'team-a']),
      );
      const demo = await vc.getNamespace('demo');
      expect(demo).toMatchObject({
        name: 'demo',
        cluster: env.vcenter.wcpClusterId,
        configStatus: 'RUNNING',
      });
      expect(demo.vmServiceSpec?.vmClasses).toContain('best-effort-small');

      const classes = await vc.listVmClasses();
      expect(classes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: 'best-effort-small',
            cpuCount: 2,
            memoryMiB: 4096,
          }),
        ]),
      );
      await expect(vc.getVmClass('guaranteed-large')).resolves.toMatchObject({
        id: 'guaranteed-large',
        cpuCount: 4,
        memoryMiB: 16384,
        cpuReservationPercent: 100,
      });
    });

    it('lists content libraries with their items, and storage policies', async () => {
      const vc = client();
      const libraries = await vc.listContentLibraries();
      const library = libraries.find(l => l.name === 'tkg-images');
      expect(library).toMatchObject({ type: 'LOCAL' });
      expect(library!.datastores).toHaveLength(1);
      await expect(vc.getContentLibrary(library!.id)).resolves.toEqual(library);

      const items = await vc.listContentLibraryItems(library!.id);
      expect(items.map(i => i.name).sort()).toEqual([
        'photon-5-kube-v1.32',
        'ubuntu-2204-kube-v1.33',
      ]);
      expect(items.every(i => i.libraryId === library!.id)).toBe(true);

      const policies = await vc.listStoragePolicies();
      expect(policies).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            name: 'k8s-gold',
            k8sCompliantName: 'k8s-gold',
            description: 'Gold tier storage for Supervisor workloads',
          }),
          expect.objectContaining({ name: 'vSAN Default Storage Policy' }),
        ]),
      );
    });

    it('creates, updates and deletes a namespace, sending the full spec', async () => {
      const vc = client();
      const [gold] = (await vc.listStoragePolicies()).filter(
        p => p.name === 'k8s-gold',
      );
      const [library] = (await vc.listContentLibraries()).filter(
        l => l.name === 'tkg-images',
      );
      const name = `it-${Date.now().toString(36)}`;
      const spec: NamespaceCreateSpec = {
        cluster: env.vcenter.wcpClusterId,
        namespace: name,
        description: 'created by the integration test',
        accessList: [
          {
            subjectType: 'GROUP',
            subject: 'devops',
            domain: 'vsphere.local',
            role: 'EDIT',
          },
        ],
        storageSpecs: [{ policy: gold.id, limitMiB: 20480 }],
        resourceSpec: {
          cpuLimitMHz: 8000,
          memoryLimitMiB: 16384,
          storageRequestLimitMiB: 51200,
        },
        vmServiceSpec: {
          vmClasses: ['best-effort-small'],
          contentLibraries: [library.id],
        },
      };
      const start = recorderPosition(env);
      await vc.createNamespace(spec);
      const creates = since(start).filter(
        r =>
          r.method === 'POST' && r.path === '/api/vcenter/namespaces/instances',
      );
      expect(creates).toHaveLength(1);
      expect(creates[0].body).toEqual({
        cluster: env.vcenter.wcpClusterId,
        namespace: name,
        description: 'created by the integration test',
        access_list: [
          {
            subject_type: 'GROUP',
            subject: 'devops',
            domain: 'vsphere.local',
            role: 'EDIT',
          },
        ],
        storage_specs: [{ policy: gold.id, limit: 20480 }],
        resource_spec: {
          cpu_limit: 8000,
          memory_limit: 16384,
          storage_request_limit: 51200,
        },
        vm_service_spec: {
          vm_classes: ['best-effort-small'],
          content_libraries: [library.id],
        },
      });
      await expect(vc.getNamespace(name)).resolves.toMatchObject({
        name,
        cluster: env.vcenter.wcpClusterId,
        description: 'created by the integration test',
        accessList: spec.accessList,
        resourceSpec: spec.resourceSpec,
        vmServiceSpec: {
          vmClasses: ['best-effort-small'],
          contentLibraries: [library.id],
        },
      });
      // vCenter refuses a second namespace of the same name
      await expect(vc.createNamespace(spec)).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining(name),
      });

      const beforeUpdate = recorderPosition(env);
      await vc.updateNamespace(name, {
        description: 'updated',
        resourceSpec: { memoryLimitMiB: 32768 },
        vmServiceSpec: {
          vmClasses: ['best-effort-small', 'guaranteed-large'],
          contentLibraries: [library.id],
        },
      });
      const patches = since(beforeUpdate).filter(r => r.method === 'PATCH');
      expect(patches).toEqual([
        expect.objectContaining({
          path: `/api/vcenter/namespaces/instances/${name}`,
          body: {
            description: 'updated',
            resource_spec: { memory_limit: 32768 },
            vm_service_spec: {
              vm_classes: ['best-effort-small', 'guaranteed-large'],
              content_libraries: [library.id],
            },
          },
        }),
      ]);
      const updated = await vc.getNamespace(name);
      expect(updated.vmServiceSpec?.vmClasses).toEqual([
        'best-effort-small',
        'guaranteed-large',
      ]);
      // a PATCH replaces the fields it sets and keeps the others
      expect(updated).toMatchObject({
        description: 'updated',
        resourceSpec: { memoryLimitMiB: 32768 },
        accessList: spec.accessList,
      });
      expect(updated.resourceSpec?.cpuLimitMHz).toBeUndefined();

      await vc.deleteNamespace(name);
      expect((await vc.listNamespaces()).map(n => n.name)).not.toContain(name);
    });

    it('reads each Supervisor its own zones and round-trips a v2 namespace with zones', async () => {
      const vc = client();
      const first = await vc.listSupervisorZones(env.vcenter.wcpClusterId);
      const second = await vc.listSupervisorZones(env.vcenter.wcp2ClusterId);
      expect(first.map(z => [z.zone, z.type])).toEqual([
        ['zone-a', 'MANAGEMENT'],
        ['zone-b', 'WORKLOAD'],
      ]);
      expect(second.map(z => z.zone)).toEqual(['zone-c']);
      expect(second[0].namespaces).toEqual(['team-b']);

      const demo = await vc.getNamespace('demo');
      expect(demo.zones?.map(z => z.zone)).toEqual(['zone-a', 'zone-b']);
      expect(demo.contentLibraries).toEqual([
        expect.objectContaining({ writable: false, allowImport: true }),
      ]);
      expect(demo.networkSpec).toEqual({ networkProvider: 'VSPHERE_NETWORK' });
      const teamA = (await vc.listNamespaces()).find(n => n.name === 'team-a');
      expect(teamA?.selfService).toBe(true);

      const [library] = (await vc.listContentLibraries()).filter(
        l => l.name === 'tkg-images',
      );
      const name = `itz-${Date.now().toString(36)}`;
      const start = recorderPosition(env);
      await vc.createNamespace({
        cluster: env.vcenter.wcpClusterId,
        namespace: name,
        zones: ['zone-b'],
        contentLibraries: [{ contentLibrary: library.id, writable: true }],
        networkSpec: {
          networkProvider: 'NSX_VPC',
          vpcNetwork: { defaultSubnetSize: 32 },
        },
        vmServiceSpec: {
          vmClasses: ['best-effort-small'],
          contentLibraries: [],
        },
      });
      try {
        expect(
          since(start)
            .filter(r => r.method === 'POST' && r.path.includes('namespaces'))
            .map(r => [r.path, r.status]),
        ).toEqual([['/api/vcenter/namespaces/instances/v2', 204]]);
        const created = await vc.getNamespace(name);
        expect(created).toMatchObject({
          cluster: env.vcenter.wcpClusterId,
          zones: [
            { zone: 'zone-b', type: 'WORKLOAD', markedForRemoval: false },
          ],
          contentLibraries: [{ contentLibrary: library.id, writable: true }],
          networkSpec: {
            networkProvider: 'NSX_VPC',
            vpcNetwork: { defaultSubnetSize: 32 },
          },
          selfService: false,
        });
        expect(created.vmServiceSpec?.contentLibraries).toEqual([library.id]);

        // a zone of the other Supervisor: vCenter refuses it and creates nothing
        await expect(
          vc.createNamespace({
            cluster: env.vcenter.wcpClusterId,
            namespace: `${name}-x`,
            zones: ['zone-c'],
          }),
        ).rejects.toThrow(/zone-c/);
        await expect(vc.getNamespace(`${name}-x`)).rejects.toMatchObject({
          name: 'NotFoundError',
        });
      } finally {
        await vc.deleteNamespace(name);
      }
    });

    it('reads the inventory: VMs with host and datastore names, hosts, clusters, datastores, pools', async () => {
      const vc = client();
      const [vms, hosts, clusters, datastores, pools] = await Promise.all([
        vc.listVms(),
        vc.listHosts(),
        vc.listClusters(),
        vc.listDatastores(),
        vc.listResourcePools(),
      ]);
      // the seeded VMs, plus those the Supervisor's reconciler creates for VM Service VMs and nodes
      expect(vms.length).toBeGreaterThanOrEqual(env.vcenter.vmCount);
      expect(vms.map(v => v.name)).toEqual(
        expect.arrayContaining([
          'vm-0001',
          `vm-${String(env.vcenter.vmCount).padStart(4, '0')}`,
        ]),
      );

      const hostNames = new Map(hosts.map(h => [h.moref, h.name]));
      const datastoreNames = new Map(datastores.map(d => [d.moref, d.name]));
      const vm = vms.find(v => v.powerState === 'poweredOn' && v.ipAddress)!;
      expect(vm).toMatchObject({
        moref: expect.stringMatching(/^vm-\d+$/),
        name: expect.any(String),
        cpuCount: expect.any(Number),
        memoryMiB: expect.any(Number),
        guestOs: expect.any(String),
        resourcePool: expect.stringMatching(/^resgroup-/),
        folder: expect.stringMatching(/^group-/),
        instanceUuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      for (const v of vms) {
        expect(v.hostName).toBe(hostNames.get(v.host!));
        expect(v.datastores.length).toBeGreaterThan(0);
        expect(v.datastoreNames).toEqual(
          v.datastores.map(d => datastoreNames.get(d)),
        );
      }

      const wcp = clusters.find(c => c.moref === env.vcenter.wcpClusterId)!;
      expect(wcp).toMatchObject({ name: 'WCP-Cluster' });
      expect(wcp.hosts.length).toBeGreaterThan(0);
      expect(hosts.find(h => h.moref === wcp.hosts[0])).toMatchObject({
        cluster: wcp.moref,
        connectionState: 'connected',
        cpuCores: expect.any(Number),
        memoryMiB: expect.any(Number),
      });
      expect(datastores.find(d => d.name === 'vsanDatastore')).toMatchObject({
        type: 'vsan',
        capacityBytes: expect.any(Number),
        accessible: true,
      });
      expect(pools.find(p => p.name === 'demo')).toMatchObject({
        owner: wcp.moref,
      });
    });
  });

  describe('sessions', () => {
    it('logs in once for 50 concurrent calls on a cold client, per protocol', async () => {
      const vc = client();
      const start = recorderPosition(env);
      const calls = Array.from({ length: 50 }, (_, i) =>
        i % 2 ? vc.listNamespaces() : vc.listVmClasses(),
      );
      const soapCalls = Array.from({ length: 50 }, (_, i) =>
        i % 2 ? vc.listHosts() : vc.listStoragePolicies(),
      );
      await Promise.all([...calls, ...soapCalls]);
      const requests = since(start);
      expect(requests.filter(isRestLogin)).toHaveLength(1);
      expect(requests.filter(isSoapLogin)).toHaveLength(1);
      expect(
        soapOps(requests).filter(o => o === 'RetrieveServiceContent'),
      ).toHaveLength(1);
    });

    it('logs in again after the simulator dropped its sessions', async () => {
      const vc = client();
      await Promise.all([vc.listNamespaces(), vc.listHosts()]);
      await dropSimulatorSessions(env);
      const start = recorderPosition(env);

      const [namespaces, hosts] = await Promise.all([
        vc.listNamespaces(),
        vc.listHosts(),
      ]);
      expect(namespaces.length).toBeGreaterThan(0);
      expect(hosts.length).toBeGreaterThan(0);
      const requests = since(start);
      expect(requests.filter(isRestLogin)).toHaveLength(1);
      expect(requests.filter(isSoapLogin)).toHaveLength(1);
      expect(
        requests.some(r => r.path.startsWith('/api/') && r.status === 401),
      ).toBe(true);
    });

    it('leaves no session behind on close, and close is idempotent', async () => {
      const before = await simulatorSessions(env);
      const vc = client();
      await Promise.all([vc.listNamespaces(), vc.listStoragePolicies()]);
      expect(await simulatorSessions(env)).toEqual({
        rest: before.rest + 1,
        soap: before.soap + 1,
      });

      await vc.close();
      expect(await simulatorSessions(env)).toEqual(before);
      const afterClose = recorderPosition(env);
      await vc.close();
      expect(since(afterClose)).toEqual([]);
      await expect(vc.listNamespaces()).rejects.toThrow(/is closed/);
    });
  });

  describe('inventory paging', () => {
    it('reads all VMs in ceil(N / page size) + a constant number of requests', async () => {
      const pageSize = 100;
      // the scale: start the testenv with TESTENV_VMS=1000 or more
      expect(env.vcenter.vmCount).toBeGreaterThanOrEqual(1000);

      const vc = client({ inventoryPageSize: pageSize });
      const coldStart = recorderPosition(env);
      const vmCount = (await vc.listVms()).length;
      expect(vmCount).toBeGreaterThanOrEqual(env.vcenter.vmCount);
      const pages = Math.ceil(vmCount / pageSize);
      const cold = soapOps(since(coldStart));
      // Two views (VMs; host and datastore names), each created, read and destroyed.
      expect(
        cold.filter(o => o === 'ContinueRetrievePropertiesEx'),
      ).toHaveLength(pages - 1);
      expect(cold.filter(o => o === 'RetrievePropertiesEx')).toHaveLength(2);
      expect(cold.filter(o => o === 'CreateContainerView')).toHaveLength(2);
      expect(cold.filter(o => o === 'DestroyView')).toHaveLength(2);
      // Plus RetrieveServiceContent and Login on a cold client.
      expect(cold).toHaveLength(pages + 7);

      const warmStart = recorderPosition(env);
      await vc.listVms();
      expect(soapOps(since(warmStart))).toHaveLength(pages + 5);
      expect(since(warmStart).filter(r => !r.operation)).toEqual([]);
    });
  });

  describe('reading given VMs', () => {
    it('reads just the VMs asked for, in pages, with names joined, leaving out ones that are gone', async () => {
      const pageSize = 100;
      const vc = client({ inventoryPageSize: pageSize });
      const all = await vc.listVms();
      const wanted = all.slice(0, 250);

      const start = recorderPosition(env);
      const vms = await vc.getVms([
        ...wanted.map(v => v.moref),
        'vm-999999', // deleted meanwhile, or never there
      ]);
      const ops = soapOps(since(start));

      expect(vms.map(v => v.moref).sort()).toEqual(
        wanted.map(v => v.moref).sort(),
      );
      for (const vm of vms) {
        expect(vm).toEqual(all.find(v => v.moref === vm.moref));
      }
      // no view and no whole-inventory read: 3 pages of VMs, then one read of their names
      expect(ops).toEqual([
        'RetrievePropertiesEx',
        'ContinueRetrievePropertiesEx',
        'ContinueRetrievePropertiesEx',
        'RetrievePropertiesEx',
      ]);
      await expect(vc.getVms([])).resolves.toEqual([]);
    });
  });

  describe('failures', () => {
    it('names a wrong password as rejected credentials, without the password', async () => {
      const password = 'Wrong-Password-0123';
      const vc = client({ password });
      const expected = `vCenter '${env.vcenter.name}' rejected the login of the portal's service account '${env.vcenter.username}'; an administrator of the portal must fix its username or password`;

      const rest = await failure(vc.listNamespaces());
      expect(rest.name).toBe('ServiceUnavailableError');
      expect(rest.message).toBe(expected);
      // one account: the rejected REST login holds back the SOAP login too
      const soap = await failure(vc.listHosts());
      expect(soap.name).toBe('ServiceUnavailableError');
      expect(soap.message).toMatch(/; the next login is tried in (29|30) s$/);
      expect(soap.message.startsWith(expected)).toBe(true);
      for (const error of [rest, soap]) {
        expectNoSecrets(error, [
          password,
          env.vcenter.password,
          Buffer.from(`${env.vcenter.username}:${password}`).toString('base64'),
        ]);
      }
    });

    it('fails fast with a clear error when the vCenter port is closed', async () => {
      const port = await closedPort();
      const vc = client({
        url: `https://127.0.0.1:${port}`,
        requestTimeout: '3s',
      });
      const started = Date.now();
      const error = await failure(vc.listNamespaces());
      expect(Date.now() - started).toBeLessThan(3000);
      expect(error.name).toBe('ServiceUnavailableError');
      expect(error.message).toContain(
        `vCenter '${env.vcenter.name}' at https://127.0.0.1:${port} refused the connection`,
      );
      expectNoSecrets(error, [env.vcenter.password]);
    });

    it('gives up after the configured timeout when the vCenter does not answer', async () => {
      const silent = net.createServer(() => {
        // accept the connection and never answer
      });
      await new Promise<void>(resolve =>
        silent.listen(0, '127.0.0.1', resolve),
      );
      const { port } = silent.address() as net.AddressInfo;
      try {
        const vc = client({
          url: `https://127.0.0.1:${port}`,
          requestTimeout: { milliseconds: 1500 },
        });
        const started = Date.now();
        const error = await failure(vc.listHosts());
        const elapsed = Date.now() - started;
        expect(elapsed).toBeGreaterThanOrEqual(1400);
        expect(elapsed).toBeLessThan(3000);
        expect(error.name).toBe('ServiceUnavailableError');
        expect(error.message).toMatch(
          /vCenter 'testenv' at https:\/\/127\.0\.0\.1:\d+ did not answer within 1500 ms/,
        );
      } finally {
        silent.close();
      }
    });

    it('names a certificate signed by another CA as a TLS verification error', async () => {
      const vc = client({ caData: tls.rootCertificates[0] });
      const error = await failure(vc.listNamespaces());
      expect(error.name).toBe('ServiceUnavailableError');
      expect(error.message).toMatch(/^TLS verification error/);
      expect(error.message).toContain('set caData or caFile');
      expectNoSecrets(error, [env.vcenter.password]);
    });

    it('answers NotFoundError for objects that do not exist', async () => {
      const vc = client();
      const errors = await Promise.all([
        failure(vc.getNamespace('does-not-exist')),
        failure(vc.getVmClass('does-not-exist')),
        failure(vc.getContentLibrary('does-not-exist')),
      ]);
      expect(errors.map(e => e.name)).toEqual([
        'NotFoundError',
        'NotFoundError',
        'NotFoundError',
      ]);
      expect(errors[0].message).toBe(
        `vCenter '${env.vcenter.name}' could not get Supervisor namespace 'does-not-exist': it does not exist (NOT_FOUND)`,
      );
      for (const error of errors) {
        expectNoSecrets(error, [env.vcenter.password]);
      }
    });
  });
});

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}
