import { screen, within } from '@testing-library/react';
import { placementFixture, renderWithApi } from '../../__testUtils__';
import { PlacementCard } from './PlacementCard';

describe('PlacementCard', () => {
  it('names the risk and draws the hosts × groups grid', async () => {
    renderWithApi(<PlacementCard entityRef="component:default/payments" />, {
      getPlacement: jest.fn().mockResolvedValue(placementFixture()),
    });

    expect(
      await screen.findByText(
        '⚠ all 3 control-plane VMs run on one host, esx-01.lab: a host failure takes them all down',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Cluster tkc-1: 5 VMs on 2 host(s), 1 datastore(s)'),
    ).toBeInTheDocument();
    const grid = screen.getByRole('table', {
      name: 'Placement of cluster tkc-1',
    });
    const row = within(grid).getByRole('row', { name: /^esx-02\.lab/ });
    expect(within(row).getByText('■ w-2')).toBeInTheDocument();
    expect(within(row).queryByText('■ cp-a')).not.toBeInTheDocument();
    const first = within(grid).getByRole('row', { name: /^esx-01\.lab/ });
    expect(within(first).getAllByText(/■ cp-/)).toHaveLength(3);
  });

  it('shows only the cluster of a cluster page and says when nothing is at risk', async () => {
    const placement = placementFixture();
    placement.items[0].risks = [];
    renderWithApi(
      <PlacementCard
        entityRef="resource:default/demo.cluster.tkc-1"
        cluster="tkc-1"
      />,
      { getPlacement: jest.fn().mockResolvedValue(placement) },
    );
    expect(
      await screen.findByText('No placement risk found.'),
    ).toBeInTheDocument();
  });
});
