import { ConfigReader } from '@backstage/config';
import { readCatalogConfig } from './config';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('readCatalogConfig', () => {
  it('defaults to a 5-minute schedule, owner unknown and no vCenter VMs', () => {
    const config = readCatalogConfig(new ConfigReader({}));
    expect(config).toEqual({
      schedule: {
        frequency: { minutes: 5 },
        timeout: { minutes: 3 },
        initialDelay: { seconds: 10 },
      },
      defaultOwner: 'group:default/unknown',
      ownerMap: {},
      includeVcenterVms: false,
      vcenterVmFilters: { folders: [], clusters: [] },
      kubernetes: {
        caData: {},
        skipTLSVerify: false,
        skipMetricsLookup: false,
        allowedApiServers: [],
      },
    });
  });

  it('reads every key and normalises entity refs', () => {
    const config = readCatalogConfig(
      new ConfigReader({
        vsphere: {
          catalog: {
            schedule: { frequency: { minutes: 1 }, timeout: '30s' },
            defaultOwner: 'platform',
            ownerMap: [{ subject: 'DevOps@vsphere.local', owner: 'user:jane' }],
            system: 'vsphere',
            includeVcenterVms: true,
            vcenterVmFilters: { folders: ['group-v42'], clusters: ['Prod'] },
            kubernetes: {
              authProvider: 'oidc',
              oidcTokenProvider: 'okta',
              dangerouslySkipTLSVerify: true,
              skipMetricsLookup: true,
            },
          },
          vcenters: [{ name: 'testenv' }],
          kubernetes: {
            clusters: [{ namespace: 'demo', cluster: 'c1', caData: PEM }],
          },
        },
      }),
    );
    expect(config).toMatchObject({
      schedule: { frequency: { minutes: 1 } },
      defaultOwner: 'group:default/platform',
      ownerMap: { 'devops@vsphere.local': 'user:default/jane' },
      system: 'system:default/vsphere',
      includeVcenterVms: true,
      vcenterVmFilters: { folders: ['group-v42'], clusters: ['Prod'] },
      kubernetes: {
        authProvider: 'oidc',
        oidcTokenProvider: 'okta',
        caData: { 'demo.cluster.c1': Buffer.from(PEM).toString('base64') },
        skipTLSVerify: true,
        skipMetricsLookup: true,
        allowedApiServers: [],
      },
    });
  });

  it('names the key of an owner that is not an entity ref', () => {
    expect(() =>
      readCatalogConfig(
        new ConfigReader({
          vsphere: { catalog: { defaultOwner: 'team a/b/c' } },
        }),
      ),
    ).toThrow(
      "Invalid config at 'vsphere.catalog.defaultOwner': 'team a/b/c' is not an entity ref",
    );
  });

  it('refuses one CA for all clusters, naming the key and where each cluster gets its own', () => {
    expect(() =>
      readCatalogConfig(
        new ConfigReader({
          vsphere: { catalog: { kubernetes: { caData: 'UEVN' } } },
        }),
      ),
    ).toThrow(
      "Invalid config at 'vsphere.catalog.kubernetes.caData': one CA for all clusters is not read; give each cluster its CA as 'caData' or 'caFile' under vsphere.kubernetes.clusters",
    );
  });
});
