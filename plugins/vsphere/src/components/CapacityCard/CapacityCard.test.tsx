import { screen } from '@testing-library/react';
import {
  capacityFixture,
  renderWithApi,
  responseError,
} from '../../__testUtils__';
import { CapacityCard } from './CapacityCard';

describe('CapacityCard', () => {
  it('shows used and promised against the hosts, per host, storage and the page namespace', async () => {
    const getCapacity = jest.fn().mockResolvedValue(capacityFixture());
    renderWithApi(<CapacityCard entityRef="component:default/payments" />, {
      getCapacity,
    });

    expect(
      await screen.findByText('Capacity of Supervisor cluster WCP-Cluster'),
    ).toBeInTheDocument();
    expect(getCapacity).toHaveBeenCalledWith('component:default/payments');
    expect(
      screen.getByText('20.8 GHz used of 41.6 GHz (50%)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Promised to namespaces: 62.4 GHz, 1.5× the hosts (overcommitted)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Promised to namespaces: 64 GiB, 0.25× the hosts'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Without a CPU or memory limit (not in the promised sums): team-a',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'esx-02.lab: CPU 0% of 41.6 GHz, memory 0% of 256 GiB — not available (maintenance or disconnected)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('vsanDatastore (vsan): 1 TiB free of 2 TiB'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Policy k8s-gold: 200 GiB granted to namespaces, unlimited for team-a',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Namespace demo: limit 62.4 GHz CPU, 64 GiB memory; uses 7.8 GHz and 28 GiB',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Aria Operations/ }),
    ).toHaveAttribute('href', 'https://aria.lab/c/domain-c8');
  });

  it('says what failed when the capacity cannot be read', async () => {
    const getCapacity = jest
      .fn()
      .mockRejectedValue(
        await responseError(
          503,
          'ServiceUnavailableError',
          "vCenter 'vc-east' did not answer",
        ),
      );
    renderWithApi(<CapacityCard entityRef="component:default/payments" />, {
      getCapacity,
    });
    expect(
      await screen.findByText(/vCenter 'vc-east' did not answer/),
    ).toBeInTheDocument();
  });
});
