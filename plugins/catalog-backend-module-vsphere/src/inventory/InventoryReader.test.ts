import { mockServices } from '@backstage/backend-test-utils';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  catalogConfig,
  demoData,
  stubSources,
  vcenterConfig,
} from '../__testUtils__/stubSources';
import { VsphereCatalogConfig } from '../config';
import { EmptyReadError, InventoryReader } from './InventoryReader';

function reader(
  sources = stubSources(),
  config: VsphereCatalogConfig = catalogConfig,
  vcenter = vcenterConfig,
) {
  return new InventoryReader(
    vcenter,
    config,
    sources.sources,
    mockServices.logger.mock(),
  );
}

describe('InventoryReader', () => {
  it('reads the Supervisor in one list per kind and each namespace detail once', async () => {
    const stub = stubSources();
    const inventory = await reader(stub).readAll();
    expect([...stub.calls].sort()).toEqual([
      'supervisor.list:Cluster',
      'supervisor.list:Namespace',
      'supervisor.list:TanzuKubernetesCluster',
      'supervisor.list:VirtualMachine',
      'vcenter.getNamespace',
      'vcenter.getNamespace',
      'vcenter.listNamespaces',
    ]);
    expect(inventory.supervisors).toEqual([
      { name: 'sv1', cluster: 'domain-c8' },
    ]);
    expect(inventory.namespaces.map(ns => [ns.name, ns.supervisor])).toEqual([
      ['demo', 'sv1'],
      ['team-a', 'sv1'],
    ]);
    // cluster nodes and VMs outside Supervisor namespaces are left out
    expect(inventory.vms.map(vm => vm.name)).toEqual([
      'demo-web-01',
      'demo-db-01',
    ]);
    expect(inventory.clusters.map(c => [c.name, c.kind])).toEqual([
      ['demo-cluster', 'Cluster'],
      ['team-a-tkc', 'TanzuKubernetesCluster'],
    ]);
  });

  it('fails as a whole when one source fails, so nothing partial is applied', async () => {
    const stub = stubSources();
    stub.failures.set(
      'supervisor.list:VirtualMachine',
      new ServiceUnavailableError('Supervisor sv1 did not answer'),
    );
    await expect(reader(stub).readAll()).rejects.toThrow(
      'Supervisor sv1 did not answer',
    );
  });

  it('treats an empty namespace list as a failed read', async () => {
    const data = demoData();
    data.namespaces = [];
    await expect(reader(stubSources(data)).readAll()).rejects.toBeInstanceOf(
      EmptyReadError,
    );
  });

  it('drops a namespace deleted between the list and its detail', async () => {
    const stub = stubSources();
    const vc = stub.sources.vcenter();
    const listed = await vc.listNamespaces();
    stub.data.namespaces = stub.data.namespaces.filter(
      n => n.name !== 'team-a',
    );
    stub.sources.vcenter = () => ({
      ...vc,
      listNamespaces: async () => listed,
    });
    const inventory = await reader(stub).readAll();
    expect(inventory.namespaces.map(ns => ns.name)).toEqual(['demo']);
  });

  it('resolves a Supervisor configured by cluster name', async () => {
    const stub = stubSources();
    const vcenter = {
      ...vcenterConfig,
      supervisors: [
        { ...vcenterConfig.supervisors[0], cluster: 'WCP-Cluster' },
      ],
    };
    const inventory = await reader(stub, catalogConfig, vcenter).readAll();
    expect(inventory.supervisors).toEqual([
      { name: 'sv1', cluster: 'domain-c8' },
    ]);
    expect(stub.calls.filter(c => c === 'vcenter.listClusters')).toHaveLength(
      1,
    );
  });

  it('filters vCenter VMs by folder and cluster and skips VM Service VMs', async () => {
    const all = await reader(stubSources(), {
      ...catalogConfig,
      includeVcenterVms: true,
    }).readAll();
    expect(all.vcenterVms.map(vm => vm.moref)).toEqual(['vm-201', 'vm-202']);

    const filtered = await reader(stubSources(), {
      ...catalogConfig,
      includeVcenterVms: true,
      vcenterVmFilters: {
        folders: ['group-v40', 'group-v41'],
        clusters: ['Compute-Cluster'],
      },
    }).readAll();
    expect(filtered.vcenterVms).toEqual([
      {
        moref: 'vm-201',
        name: 'Legacy DB 01',
        folder: 'group-v40',
        cluster: 'domain-c9',
      },
    ]);
  });

  it('treats an empty VM list as a failed read when vCenter VMs are ingested', async () => {
    const data = demoData();
    data.vcenterVms = [];
    await expect(
      reader(stubSources(data), {
        ...catalogConfig,
        includeVcenterVms: true,
      }).readAll(),
    ).rejects.toBeInstanceOf(EmptyReadError);
  });

  it('reads one namespace with namespace-scoped requests', async () => {
    const stub = stubSources();
    const inventory = await reader(stub).readNamespace('team-a');
    expect(stub.calls.sort()).toEqual([
      'supervisor.get:Namespace',
      'supervisor.list:Cluster',
      'supervisor.list:TanzuKubernetesCluster',
      'supervisor.list:VirtualMachine',
      'vcenter.getNamespace',
    ]);
    expect(inventory?.namespaces).toEqual([
      expect.objectContaining({
        name: 'team-a',
        supervisor: 'sv1',
        labels: { 'backstage.io/owner': 'team-a' },
      }),
    ]);
    expect(inventory?.clusters.map(c => c.name)).toEqual(['team-a-tkc']);
    expect(await reader(stub).readNamespace('gone')).toBeUndefined();
  });

  it('still returns a new namespace when its Supervisor cannot be read yet', async () => {
    const stub = stubSources();
    stub.failures.set(
      'supervisor.list:VirtualMachine',
      new ServiceUnavailableError('Supervisor sv1 did not answer'),
    );
    const inventory = await reader(stub).readNamespace('demo');
    expect(inventory?.namespaces.map(ns => ns.name)).toEqual(['demo']);
    expect(inventory?.vms).toEqual([]);
  });
});
