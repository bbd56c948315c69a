import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { vspherePlugin } from './plugin';

const vsphereConfig = {
  vsphere: {
    vcenters: [
      {
        name: 'vc-east',
        url: 'https://vcenter.example.com',
        username: 'svc@vsphere.local',
        password: 'secret-password-value',
        supervisors: [
          { cluster: 'domain-c8', url: 'https://10.0.0.10:6443', token: 'tkn' },
        ],
      },
    ],
  },
};

describe('vsphere backend plugin', () => {
  it('lists the configured vCenters without credentials', async () => {
    const { server } = await startTestBackend({
      features: [
        vspherePlugin,
        mockServices.rootConfig.factory({ data: vsphereConfig }),
      ],
    });

    const res = await request(server).get('/api/vsphere/vcenters');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        {
          name: 'vc-east',
          clientBaseUrl: 'https://vcenter.example.com/ui',
          supervisors: [{ name: 'domain-c8', cluster: 'domain-c8' }],
        },
      ],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/secret-password|tkn/);
  });

  it('rejects unknown picker kinds naming the field', async () => {
    const { server } = await startTestBackend({
      features: [
        vspherePlugin,
        mockServices.rootConfig.factory({ data: vsphereConfig }),
      ],
    });
    const res = await request(server).get('/api/vsphere/options/datacenters');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^kind: /);
  });

  it('fails start-up naming the wrong config key', async () => {
    await expect(
      startTestBackend({
        features: [
          vspherePlugin,
          mockServices.rootConfig.factory({
            data: { vsphere: { vcenters: [{ name: 'Bad Name' }] } },
          }),
        ],
      }),
    ).rejects.toThrow(/vsphere\.vcenters\[0\]\.name/);
  });
});
