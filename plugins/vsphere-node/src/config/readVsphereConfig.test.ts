import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { readVsphereConfig } from './readVsphereConfig';

const vcenter = (overrides: Record<string, JsonValue> = {}) => ({
  name: 'vc-east',
  url: 'https://vcenter.example.com/',
  username: 'svc-backstage@vsphere.local',
  password: 'not-a-real-password',
  ...overrides,
});

const read = (vcenters: JsonValue[]) =>
  readVsphereConfig(new ConfigReader({ vsphere: { vcenters } }));

describe('readVsphereConfig', () => {
  it('fills defaults and trims trailing slashes', () => {
    const [vc] = read([vcenter()]);
    expect(vc).toMatchObject({
      name: 'vc-east',
      url: 'https://vcenter.example.com',
      clientBaseUrl: 'https://vcenter.example.com/ui',
      skipTLSVerify: false,
      requestTimeoutMs: 10_000,
      inventoryPageSize: 1000,
      supervisors: [],
    });
  });

  it('reads durations and supervisors', () => {
    const [vc] = read([
      vcenter({
        requestTimeout: '3s',
        supervisors: [
          { cluster: 'domain-c8', url: 'https://10.0.0.10:6443', token: 't' },
        ],
      }),
    ]);
    expect(vc.requestTimeoutMs).toBe(3000);
    expect(vc.supervisors).toEqual([
      expect.objectContaining({ name: 'domain-c8', cluster: 'domain-c8' }),
    ]);
  });

  it('names the key and the rule of each mistake', () => {
    expect(() => read([vcenter({ name: 'VC East' })])).toThrow(
      "Invalid config at 'vsphere.vcenters[0].name': 'VC East' must be a DNS label",
    );
    expect(() => read([vcenter(), vcenter()])).toThrow(
      "'vsphere.vcenters[1].name': 'vc-east' is used by an earlier vCenter",
    );
    expect(() => read([vcenter({ url: 'vcenter' })])).toThrow(
      "'vsphere.vcenters[0].url': must be an absolute URL",
    );
    expect(() => read([vcenter({ requestTimeout: 'soon' })])).toThrow(
      "'vsphere.vcenters[0].requestTimeout': must be a positive duration",
    );
    expect(() => read([vcenter({ caFile: '/nonexistent/ca.pem' })])).toThrow(
      "'vsphere.vcenters[0].caFile': cannot read '/nonexistent/ca.pem' (ENOENT)",
    );
    expect(() =>
      read([vcenter({ supervisors: [{ cluster: 'c', url: 'https://k' }] })]),
    ).toThrow(
      "'vsphere.vcenters[0].supervisors[0]': needs 'token' or 'tokenFile'",
    );
    expect(() => read([{ name: 'x', url: 'https://x' }])).toThrow(
      /vsphere\.vcenters\[0\]\.username/,
    );
  });

  it('never puts the password in an error', () => {
    expect(() => read([vcenter({ name: 'BAD' })])).not.toThrow(
      /not-a-real-password/,
    );
  });

  it('is empty without a vsphere section', () => {
    expect(readVsphereConfig(new ConfigReader({}))).toEqual([]);
  });
});
