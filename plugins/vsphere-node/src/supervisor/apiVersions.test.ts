import { ApiVersionCache, selectApiVersions } from './apiVersions';

const groups = (served: Record<string, string[]>) =>
  Object.entries(served).map(([name, versions]) => ({
    name,
    versions: versions.map(version => ({ version })),
  }));

describe('selectApiVersions', () => {
  it('picks the newest supported version each group serves', () => {
    expect(
      selectApiVersions(
        groups({
          'vmoperator.vmware.com': [
            'v1alpha1',
            'v1alpha2',
            'v1alpha3',
            'v1alpha4',
            'v1alpha5',
          ],
          'cluster.x-k8s.io': ['v1beta1', 'v1beta2'],
          'run.tanzu.vmware.com': ['v1alpha1', 'v1alpha2', 'v1alpha3'],
          apps: ['v1'],
        }),
      ),
    ).toEqual({
      vmOperator: 'v1alpha5',
      clusterApi: 'v1beta2',
      tanzu: 'v1alpha3',
    });
  });

  it('picks v1alpha6 where VM Operator serves it, alone or beside older versions', () => {
    expect(
      selectApiVersions(
        groups({ 'vmoperator.vmware.com': ['v1alpha5', 'v1alpha6'] }),
      ),
    ).toEqual({ vmOperator: 'v1alpha6' });
    expect(
      selectApiVersions(groups({ 'vmoperator.vmware.com': ['v1alpha6'] })),
    ).toEqual({ vmOperator: 'v1alpha6' });
    // a newer version than the client knows is not guessed at
    expect(
      selectApiVersions(groups({ 'vmoperator.vmware.com': ['v1alpha7'] })),
    ).toEqual({});
  });

  it('falls back to older served versions and leaves out groups it cannot use', () => {
    expect(
      selectApiVersions(
        groups({
          'vmoperator.vmware.com': ['v1alpha1', 'v1alpha2'],
          'cluster.x-k8s.io': ['v1beta1'],
          // v1alpha1 TanzuKubernetesClusters have no nodePools: not supported.
          'run.tanzu.vmware.com': ['v1alpha1'],
        }),
      ),
    ).toEqual({ vmOperator: 'v1alpha2', clusterApi: 'v1beta1' });
  });

  it('honours preferences, but only among versions the client supports', () => {
    const served = groups({
      'vmoperator.vmware.com': ['v1alpha1', 'v1alpha3', 'v1alpha5'],
      'cluster.x-k8s.io': ['v1beta1', 'v1beta2'],
    });
    expect(
      selectApiVersions(served, {
        clusterApi: ['v1beta1'],
        vmOperator: ['v1alpha1', 'v1alpha3'],
      }),
    ).toEqual({ vmOperator: 'v1alpha3', clusterApi: 'v1beta1' });
  });
});

describe('ApiVersionCache', () => {
  it('shares one discovery among concurrent callers and reuses it until the TTL ends', async () => {
    let now = 0;
    const discover = jest
      .fn()
      .mockResolvedValue(groups({ 'cluster.x-k8s.io': ['v1beta2'] }));
    const cache = new ApiVersionCache(discover, {}, 1000, () => now);

    const results = await Promise.all([cache.get(), cache.get(), cache.get()]);
    expect(results[2]).toEqual({ clusterApi: 'v1beta2' });
    expect(discover).toHaveBeenCalledTimes(1);

    now = 999;
    await cache.get();
    expect(discover).toHaveBeenCalledTimes(1);
    now = 1000;
    await cache.get();
    expect(discover).toHaveBeenCalledTimes(2);
  });

  it('does not remember a failed discovery', async () => {
    const discover = jest
      .fn()
      .mockRejectedValueOnce(new Error('down'))
      .mockResolvedValueOnce(groups({ 'cluster.x-k8s.io': ['v1beta1'] }));
    const cache = new ApiVersionCache(discover, {}, 60_000);

    await expect(cache.get()).rejects.toThrow('down');
    await expect(cache.get()).resolves.toEqual({ clusterApi: 'v1beta1' });
  });
});
