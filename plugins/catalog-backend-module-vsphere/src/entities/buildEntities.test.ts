import {
  Entity,
  resourceEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import {
  catalogConfig,
  stubSources,
  vcenterConfig,
} from '../__testUtils__/stubSources';
import { VsphereCatalogConfig } from '../config';
import { InventoryReader } from '../inventory/InventoryReader';
import { VcenterInventory } from '../inventory/types';
import { buildEntities } from './buildEntities';

async function demoInventory(
  config: VsphereCatalogConfig = catalogConfig,
): Promise<VcenterInventory> {
  const { sources } = stubSources();
  return new InventoryReader(
    vcenterConfig,
    config,
    sources,
    mockServices.logger.mock(),
  ).readAll();
}

function byName(entities: Entity[]) {
  return Object.fromEntries(entities.map(e => [e.metadata.name, e]));
}

describe('buildEntities', () => {
  it('turns the demo inventory into valid Resource entities with relations and owners', async () => {
    const entities = buildEntities(await demoInventory(), {
      vcenter: vcenterConfig,
      config: catalogConfig,
    });
    const summary = entities.map(e => [
      e.metadata.name,
      e.spec?.type,
      e.spec?.owner,
      e.spec?.dependsOn,
    ]);
    expect(summary).toEqual([
      [
        'demo',
        'vsphere-namespace',
        'group:default/devops',
        ['resource:default/vc1.supervisor.sv1'],
      ],
      [
        'demo.cluster.demo-cluster',
        'kubernetes-cluster',
        'group:default/devops',
        ['resource:default/demo'],
      ],
      [
        'demo.vm.demo-db-01',
        'virtual-machine',
        'group:default/dba',
        ['resource:default/demo'],
      ],
      [
        'demo.vm.demo-web-01',
        'virtual-machine',
        'group:default/devops',
        ['resource:default/demo'],
      ],
      [
        'team-a',
        'vsphere-namespace',
        'group:default/team-a',
        ['resource:default/vc1.supervisor.sv1'],
      ],
      [
        'team-a.cluster.team-a-tkc',
        'kubernetes-cluster',
        'group:default/team-a',
        ['resource:default/team-a'],
      ],
      [
        'vc1.supervisor.sv1',
        'vsphere-supervisor',
        'group:default/platform',
        undefined,
      ],
    ]);
    for (const entity of entities) {
      await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
        true,
      );
    }
  });

  it("begins names with the vCenter's when several are configured, relations included", async () => {
    const inventory = await demoInventory();
    const single = buildEntities(inventory, {
      vcenter: vcenterConfig,
      config: catalogConfig,
    });
    const entities = buildEntities(inventory, {
      vcenter: vcenterConfig,
      config: catalogConfig,
      vcenterCount: 2,
    });
    const names = entities.map(e => e.metadata.name);
    // the Supervisor's name already carries the vCenter's
    expect(names).toContain('vc1.supervisor.sv1');
    expect(names).toEqual(
      expect.arrayContaining(['vc1.demo', 'vc1.demo.cluster.demo-cluster']),
    );
    expect(names.filter(n => n !== 'vc1.supervisor.sv1').sort()).toEqual(
      single
        .map(e => e.metadata.name)
        .filter(n => n !== 'vc1.supervisor.sv1' && !n.includes('vcenter-vm'))
        .map(n => `vc1.${n}`)
        .concat(
          single
            .map(e => e.metadata.name)
            .filter(n => n.includes('vcenter-vm')),
        )
        .sort(),
    );
    expect(
      byName(entities)['vc1.demo.cluster.demo-cluster'].spec?.dependsOn,
    ).toEqual(['resource:default/vc1.demo']);
  });

  it('annotates each entity back to its vCenter object and links to the vSphere Client', async () => {
    const entities = byName(
      buildEntities(await demoInventory(), {
        vcenter: vcenterConfig,
        config: catalogConfig,
      }),
    );
    expect(entities['demo.vm.demo-web-01'].metadata.annotations).toEqual({
      'backstage.io/managed-by-location': 'url:https://vc1.example.com',
      'backstage.io/managed-by-origin-location': 'url:https://vc1.example.com',
      'vsphere.vmware.com/vcenter': 'vc1',
      'vsphere.vmware.com/supervisor': 'sv1',
      'vsphere.vmware.com/supervisor-namespace': 'demo',
      'vsphere.vmware.com/vm': 'demo-web-01',
      'vsphere.vmware.com/moref': 'vm-101',
      'vsphere.vmware.com/namespace-owner': 'group:default/devops',
    });
    expect(entities['demo.vm.demo-web-01'].spec).toMatchObject({
      vmClass: 'best-effort-small',
      image: 'ubuntu-2204',
    });
    expect(entities.demo.metadata.annotations).toMatchObject({
      'vsphere.vmware.com/moref': 'resgroup-20',
      'vsphere.vmware.com/supervisor-namespace': 'demo',
    });
    expect(entities.demo.metadata.description).toBe('Demo services');
    expect(entities.demo.metadata.links).toEqual([
      {
        url: 'https://vc1.example.com/ui/app/namespaces/demo/summary',
        title: 'Namespace in the vSphere Client',
        icon: 'dashboard',
      },
    ]);
    expect(entities['vc1.supervisor.sv1'].metadata.annotations).toMatchObject({
      'vsphere.vmware.com/moref': 'domain-c8',
    });
  });

  it('lists node pools in cluster entities and leaves node VMs out', async () => {
    const entities = byName(
      buildEntities(await demoInventory(), {
        vcenter: vcenterConfig,
        config: catalogConfig,
      }),
    );
    expect(entities['demo.cluster.demo-cluster'].spec).toMatchObject({
      clusterKind: 'Cluster',
      clusterClass: 'tanzukubernetescluster',
      kubernetesVersion: 'v1.33.3+vmware.1-fips',
      nodePools: [
        {
          name: 'np-small',
          class: 'node-pool',
          vmClass: 'best-effort-small',
          replicas: 2,
        },
        { name: 'np-large', class: 'node-pool', replicas: 1 },
      ],
    });
    expect(entities['team-a.cluster.team-a-tkc'].spec).toMatchObject({
      clusterKind: 'TanzuKubernetesCluster',
      nodePools: [
        {
          name: 'workers',
          vmClass: 'best-effort-medium',
          storageClass: 'k8s-gold',
          replicas: 2,
        },
      ],
    });
    expect(Object.keys(entities).join()).not.toMatch(/np-small-abcde/);
  });

  it('writes the Kubernetes plugin annotations when the API server is known', async () => {
    const warn = jest.fn();
    const config: VsphereCatalogConfig = {
      ...catalogConfig,
      kubernetes: {
        authProvider: 'oidc',
        oidcTokenProvider: 'okta',
        // only demo-cluster has a CA configured
        caData: { 'demo.cluster.demo-cluster': 'UEVN' },
        skipTLSVerify: false,
        skipMetricsLookup: true,
        allowedApiServers: ['10.244.0.0/16'],
      },
    };
    const entities = byName(
      buildEntities(await demoInventory(config), {
        vcenter: vcenterConfig,
        config,
        warn,
      }),
    );
    expect(
      entities['demo.cluster.demo-cluster'].metadata.annotations,
    ).toMatchObject({
      'vsphere.vmware.com/cluster': 'demo-cluster',
      'kubernetes.io/api-server': 'https://10.244.0.162:6443',
      'kubernetes.io/api-server-certificate-authority': 'UEVN',
      'kubernetes.io/auth-provider': 'oidc',
      'kubernetes.io/oidc-token-provider': 'okta',
      'kubernetes.io/skip-metrics-lookup': 'true',
    });
    // a TanzuKubernetesCluster's endpoint comes from the Cluster it owns
    const tkc = entities['team-a.cluster.team-a-tkc'].metadata.annotations;
    expect(tkc?.['kubernetes.io/api-server']).toBe('https://10.244.0.174:6443');
    // and another cluster's CA is never pinned for it
    expect(tkc).not.toHaveProperty(
      'kubernetes.io/api-server-certificate-authority',
    );
    expect(warn).toHaveBeenCalledWith(
      "Cluster 'team-a-tkc' in namespace 'team-a' gets no kubernetes.io/api-server-certificate-authority annotation: no CA is configured for 'team-a.cluster.team-a-tkc' in vsphere.kubernetes.clusters, so Backstage's Kubernetes plugin will not show it",
    );
  });

  it('leaves out an API server that is not allowlisted, and says why', async () => {
    const warn = jest.fn();
    const config: VsphereCatalogConfig = {
      ...catalogConfig,
      kubernetes: {
        caData: {},
        skipTLSVerify: false,
        skipMetricsLookup: false,
        allowedApiServers: ['10.1.0.0/16'],
      },
    };
    const entities = byName(
      buildEntities(await demoInventory(config), {
        vcenter: vcenterConfig,
        config,
        warn,
      }),
    );
    expect(
      entities['demo.cluster.demo-cluster'].metadata.annotations,
    ).not.toHaveProperty('kubernetes.io/api-server');
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining(
        "Cluster 'demo-cluster' in namespace 'demo' gets no kubernetes.io/api-server annotation: its API server https://10.244.0.162:6443 is not in vsphere.catalog.kubernetes.allowedApiServers",
      ),
    );
  });

  it('gives the same output for the same objects read in another order', async () => {
    const inventory = await demoInventory({
      ...catalogConfig,
      includeVcenterVms: true,
    });
    const shuffled: VcenterInventory = {
      ...inventory,
      namespaces: [...inventory.namespaces].reverse(),
      vms: [...inventory.vms].reverse(),
      clusters: [...inventory.clusters].reverse(),
      vcenterVms: [...inventory.vcenterVms].reverse(),
    };
    const options = { vcenter: vcenterConfig, config: catalogConfig };
    expect(JSON.stringify(buildEntities(shuffled, options))).toBe(
      JSON.stringify(buildEntities(inventory, options)),
    );
  });

  it('ingests vCenter VMs by managed object id with their name as title, never a VM Service VM twice', async () => {
    const config = { ...catalogConfig, includeVcenterVms: true };
    const entities = buildEntities(await demoInventory(config), {
      vcenter: vcenterConfig,
      config,
    });
    const plain = entities.filter(
      e => e.spec?.type === 'virtual-machine' && !e.spec.dependsOn,
    );
    expect(plain.map(e => [e.metadata.name, e.metadata.title])).toEqual([
      ['vc1.vcenter-vm.vm-201', 'Legacy DB 01'],
      ['vc1.vcenter-vm.vm-202', 'jump-host'],
    ]);
    expect(plain[0].metadata.links?.[0].url).toBe(
      'https://vc1.example.com/ui/app/search?query=Legacy%20DB%2001',
    );
  });
});
