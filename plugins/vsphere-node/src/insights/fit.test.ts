import { SupervisorCapacity } from '@backstage-vsphere/plugin-vsphere-common';
import { checkNamespaceLimitsFit, checkVmFit, mhzPerCore } from './fit';

function capacity(): SupervisorCapacity {
  const host = (n: number) => ({
    moref: `host-${n}`,
    name: `esx-0${n}`,
    cpuCores: 10,
    cpuCapacityMHz: 20_000,
    cpuUsedMHz: 10_000,
    memoryCapacityMiB: 100 * 1024,
    memoryUsedMiB: 50 * 1024,
    available: true,
  });
  return {
    vcenter: 'vc',
    cluster: { moref: 'domain-c8', name: 'WCP' },
    hosts: [host(1), host(2)],
    cpu: {
      capacity: 40_000,
      used: 20_000,
      promised: 30_000,
      overcommit: 0.75,
      unit: 'MHz',
    },
    memory: {
      capacity: 204_800,
      used: 102_400,
      promised: 65_536,
      overcommit: 0.32,
      unit: 'MiB',
    },
    datastores: [],
    storagePolicies: [],
    namespaces: [
      {
        name: 'demo',
        cpuLimitMHz: 10_000,
        memoryLimitMiB: 65_536,
        cpuUsedMHz: 8_000,
        memoryUsedMiB: 32_768,
      },
      { name: 'other', cpuLimitMHz: 20_000 },
      { name: 'open' },
    ],
    fetchedAt: '2026-12-01T00:00:00Z',
  };
}

describe('fit checks', () => {
  it('counts a vCPU as the average MHz of an available core', () => {
    const c = capacity();
    expect(mhzPerCore(c)).toBe(2000);
    c.hosts[1] = { ...c.hosts[1], available: false };
    expect(mhzPerCore(c)).toBe(4000);
  });

  it('refuses VMs beyond the namespace limit and beyond the free capacity, with the numbers', () => {
    expect(
      checkVmFit({
        ask: { cpuMHz: 4000, memoryMiB: 128 * 1024 },
        capacity: capacity(),
        namespace: 'demo',
      }).refusals,
    ).toEqual([
      "namespace 'demo' CPU: asked 4 GHz, free 2 GHz of the 10 GHz limit",
      "namespace 'demo' memory: asked 128 GiB, free 32 GiB of the 64 GiB limit",
      "cluster 'WCP' memory: asked 128 GiB, free 100 GiB of 200 GiB",
    ]);
  });

  it('lets what fits pass, and a namespace without limits meet only the cluster', () => {
    expect(
      checkVmFit({
        ask: { cpuMHz: 2000, memoryMiB: 1024 },
        capacity: capacity(),
        namespace: 'demo',
      }),
    ).toEqual({ refusals: [], warnings: [] });
    expect(
      checkVmFit({
        ask: { cpuMHz: 25_000, memoryMiB: 0 },
        capacity: capacity(),
        namespace: 'open',
      }).refusals,
    ).toEqual(["cluster 'WCP' CPU: asked 25 GHz, free 20 GHz of 40 GHz"]);
  });

  it('refuses a limit beyond the hosts and warns past the ratio, counting the other namespaces', () => {
    const c = capacity();
    expect(
      checkNamespaceLimitsFit({
        namespace: 'demo',
        limits: { memoryLimitMiB: 300 * 1024 },
        capacity: c,
        warnRatio: 2,
      }).refusals,
    ).toEqual([
      "cluster 'WCP' memory: asked a limit of 300 GiB, the hosts have 200 GiB (100 GiB free)",
    ]);
    // other promises 20 GHz; demo's new 30 GHz makes 50 GHz of 40 GHz
    expect(
      checkNamespaceLimitsFit({
        namespace: 'demo',
        limits: { cpuLimitMHz: 30_000 },
        capacity: c,
        warnRatio: 1.2,
      }),
    ).toEqual({
      refusals: [],
      warnings: [
        "namespaces on cluster 'WCP' would be promised 50 GHz CPU, 1.25× the hosts' 40 GHz (warning above 1.2×)",
      ],
    });
  });
});
