import { mockApis } from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import { VsphereClient } from './VsphereClient';

const baseUrl = 'http://backstage/api/vsphere';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function setup(response: Response) {
  const fetch = jest.fn<Promise<Response>, Parameters<typeof global.fetch>>(
    async () => response,
  );
  const client = new VsphereClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: { fetch },
  });
  return { client, fetch };
}

describe('VsphereClient', () => {
  it('reads the overview of an entity by namespace, kind and name', async () => {
    const { client, fetch } = setup(json({ entityRef: 'x', errors: [] }));
    await expect(
      client.getEntityOverview('Component:Default/Payments API'),
    ).resolves.toEqual({ entityRef: 'x', errors: [] });
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/entities/default/component/Payments%20API/overview`,
      undefined,
    );
  });

  it('accepts a compound entity ref', async () => {
    const { client, fetch } = setup(json({}));
    await client.getEntityOverview({
      kind: 'Resource',
      namespace: 'ops',
      name: 'demo',
    });
    expect(fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/entities/ops/resource/demo/overview`,
    );
  });

  it('lists picker options with only the given filters', async () => {
    const items = [{ value: 'gold', label: 'Gold' }];
    const { client, fetch } = setup(json({ items }));
    await expect(
      client.listOptions('storage-policies', {
        vcenter: 'vc-east',
        supervisor: undefined,
        namespace: 'demo',
      }),
    ).resolves.toEqual(items);
    expect(fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/options/storage-policies?vcenter=vc-east&namespace=demo`,
    );
  });

  it('lists picker options without a query', async () => {
    const { client, fetch } = setup(json({ items: [] }));
    await client.listOptions('vcenters');
    expect(fetch.mock.calls[0][0]).toBe(`${baseUrl}/options/vcenters`);
  });

  it('posts the replica count to scale a node pool', async () => {
    const cluster = { name: 'tkc-1', nodePools: [] };
    const { client, fetch } = setup(json({ cluster }));
    await expect(
      client.scaleNodePool({
        entityRef: 'component:default/payments',
        cluster: 'tkc-1',
        nodePool: 'workers',
        replicas: 3,
      }),
    ).resolves.toEqual(cluster);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(
      `${baseUrl}/entities/default/component/payments/clusters/tkc-1/nodepools/workers/scale`,
    );
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(String(init?.body))).toEqual({ replicas: 3 });
  });

  it('posts the power action for a VM', async () => {
    const vm = { name: 'web-1' };
    const { client, fetch } = setup(json({ vm }));
    await expect(
      client.powerVm({
        entityRef: 'component:default/payments',
        vm: 'web-1',
        action: 'restart',
      }),
    ).resolves.toEqual(vm);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(
      `${baseUrl}/entities/default/component/payments/vms/web-1/power`,
    );
    expect(JSON.parse(String(init?.body))).toEqual({ action: 'restart' });
  });

  it('throws a ResponseError carrying the backend message', async () => {
    const { client } = setup(
      json(
        {
          error: {
            name: 'InputError',
            message:
              'Add the annotation vsphere.vmware.com/supervisor-namespace',
          },
          response: { statusCode: 400 },
        },
        400,
      ),
    );
    const error = await client
      .getEntityOverview('component:default/payments')
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.body.error.message).toMatch(/supervisor-namespace/);
  });

  it('lists the configured vCenters through discovery', async () => {
    const discoveryApi = mockApis.discovery.mock({
      getBaseUrl: async () => baseUrl,
    });
    const fetch = jest.fn(async () => json({ items: [{ name: 'vc-east' }] }));
    const client = new VsphereClient({ discoveryApi, fetchApi: { fetch } });
    await expect(client.listVCenters()).resolves.toEqual([{ name: 'vc-east' }]);
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('vsphere');
  });
});
