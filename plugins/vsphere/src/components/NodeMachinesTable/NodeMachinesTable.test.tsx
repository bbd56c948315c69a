import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { clusterFixture } from '../../__testUtils__';
import { NodeMachinesTable } from './NodeMachinesTable';

describe('NodeMachinesTable', () => {
  it("shows each machine's VM, IP, host and power", async () => {
    renderInTestApp(
      <NodeMachinesTable machines={clusterFixture().nodePools[0].machines} />,
    );
    const joined = screen.getAllByText('tkc-1-workers-abc')[0].closest('tr')!;
    expect(within(joined).getByText('10.0.1.5')).toBeInTheDocument();
    expect(within(joined).getByText('esx-02.lab')).toBeInTheDocument();
    expect(within(joined).getByText('poweredOn')).toBeInTheDocument();

    const unjoined = screen.getByText('tkc-1-workers-def').closest('tr')!;
    expect(
      within(unjoined).getByText('not found in vCenter'),
    ).toBeInTheDocument();
  });

  it('says when the pool has no machines yet', async () => {
    renderInTestApp(<NodeMachinesTable machines={[]} />);
    expect(screen.getByText('No machines yet.')).toBeInTheDocument();
  });
});
