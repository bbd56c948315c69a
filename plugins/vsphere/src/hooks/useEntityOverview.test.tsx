import { ReactNode } from 'react';
import { TestApiProvider } from '@backstage/frontend-test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import { VsphereApi, vsphereApiRef } from '../api';
import { clusterFixture, overviewFixture, vmFixture } from '../__testUtils__';
import { useEntityOverview } from './useEntityOverview';

function withPool(desiredReplicas: number, readyReplicas: number) {
  const cluster = clusterFixture();
  cluster.nodePools[0] = {
    ...cluster.nodePools[0],
    desiredReplicas,
    readyReplicas,
  };
  return cluster;
}

function setup(api: Partial<VsphereApi>, pollIntervalMs = 1) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[vsphereApiRef, api]]}>{children}</TestApiProvider>
  );
  return renderHook(
    () => useEntityOverview('component:default/payments', pollIntervalMs),
    { wrapper },
  );
}

describe('useEntityOverview', () => {
  it('re-reads while a node pool converges and stops when it is ready', async () => {
    const getEntityOverview = jest
      .fn()
      .mockResolvedValueOnce(overviewFixture({ clusters: [withPool(3, 1)] }))
      .mockResolvedValueOnce(overviewFixture({ clusters: [withPool(3, 2)] }))
      .mockResolvedValue(overviewFixture({ clusters: [withPool(3, 3)] }));
    const { result } = setup({ getEntityOverview });

    await waitFor(() =>
      expect(
        result.current.overview?.clusters[0].nodePools[0].readyReplicas,
      ).toBe(3),
    );
    expect(getEntityOverview).toHaveBeenCalledTimes(3);
    expect(getEntityOverview).toHaveBeenCalledWith(
      'component:default/payments',
    );
  });

  it('keeps the last overview when a re-read fails', async () => {
    const error = new Error('vsphere backend unavailable');
    const getEntityOverview = jest
      .fn()
      .mockResolvedValueOnce(overviewFixture())
      .mockRejectedValueOnce(error);
    const { result } = setup({ getEntityOverview });
    await waitFor(() => expect(result.current.overview).toBeDefined());

    act(() => result.current.refresh());
    await waitFor(() => expect(result.current.error).toBe(error));
    expect(result.current.overview?.vcenter).toBe('vc-east');
  });

  it('shows a VM as the power call returned it', async () => {
    const getEntityOverview = jest.fn(
      () => new Promise<never>(() => {}),
    ) as jest.Mock;
    getEntityOverview.mockResolvedValueOnce(overviewFixture());
    const { result } = setup({ getEntityOverview });
    await waitFor(() => expect(result.current.overview).toBeDefined());

    act(() =>
      result.current.applyVm(
        vmFixture({ desiredPowerState: 'PoweredOff', vcenterVm: undefined }),
      ),
    );
    const vm = result.current.overview?.vms[0];
    expect(vm?.desiredPowerState).toBe('PoweredOff');
    expect(vm?.vcenterVm?.hostName).toBe('esx-01.lab');
    expect(result.current.loading).toBe(true);
  });
});
