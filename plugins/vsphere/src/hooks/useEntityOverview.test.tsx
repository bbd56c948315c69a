import { ReactNode } from 'react';
import { TestApiProvider } from '@backstage/frontend-test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import { SignalApi, signalApiRef } from '@backstage/plugin-signals-react';
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

/** A signal API whose channels the test can post to, as the signals plugin would. */
function signalsStub() {
  const listeners = new Map<string, () => void>();
  const api: SignalApi = {
    subscribe(channel, onMessage) {
      listeners.set(channel, () => onMessage({} as never));
      return { unsubscribe: () => listeners.delete(channel) };
    },
  };
  return { api, post: (channel: string) => listeners.get(channel)?.() };
}

function setup(
  api: Partial<VsphereApi>,
  pollIntervalMs = 1,
  signals?: SignalApi,
) {
  const wrapper = ({ children }: { children: ReactNode }) =>
    signals ? (
      <TestApiProvider
        apis={[
          [vsphereApiRef, api],
          [signalApiRef, signals],
        ]}
      >
        {children}
      </TestApiProvider>
    ) : (
      <TestApiProvider apis={[[vsphereApiRef, api]]}>
        {children}
      </TestApiProvider>
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

  it("re-reads when the backend signals a change to the entity's namespace, and does not poll", async () => {
    const getEntityOverview = jest
      .fn()
      .mockResolvedValueOnce(overviewFixture({ clusters: [withPool(3, 1)] }))
      .mockResolvedValue(overviewFixture({ clusters: [withPool(3, 2)] }));
    const signals = signalsStub();
    const { result } = setup({ getEntityOverview }, 1, signals.api);
    await waitFor(() => expect(result.current.overview).toBeDefined());
    // converging, but with signals there is nothing to poll for
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(getEntityOverview).toHaveBeenCalledTimes(1);

    act(() => signals.post('vsphere:namespace:vc-east/sv-1/demo'));
    await waitFor(() =>
      expect(
        result.current.overview?.clusters[0].nodePools[0].readyReplicas,
      ).toBe(2),
    );
    expect(getEntityOverview).toHaveBeenCalledTimes(2);
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
