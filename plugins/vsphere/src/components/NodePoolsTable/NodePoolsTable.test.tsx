import { useState } from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { clusterFixture, renderWithApi } from '../../__testUtils__';
import { NodePoolsTable } from './NodePoolsTable';

const entityRef = 'component:default/payments';

function scalingCluster() {
  const cluster = clusterFixture();
  cluster.nodePools[0] = {
    ...cluster.nodePools[0],
    desiredReplicas: 3,
    readyReplicas: 2,
    phase: 'ScalingUp',
  };
  return cluster;
}

describe('NodePoolsTable', () => {
  it('shows desired and ready replicas, VM class, phase and conditions', async () => {
    renderWithApi(
      <NodePoolsTable
        cluster={scalingCluster()}
        entityRef={entityRef}
        canScale
        onScaled={jest.fn()}
      />,
      {},
    );
    const row = screen.getByText('workers').closest('tr')!;
    expect(within(row).getByText('3')).toBeInTheDocument();
    expect(within(row).getByText('2 of 3 ready')).toBeInTheDocument();
    expect(within(row).getByText('best-effort-small')).toBeInTheDocument();
    expect(within(row).getByText('ScalingUp')).toBeInTheDocument();
    expect(within(row).getByText('Ready')).toBeInTheDocument();
  });

  it("opens a pool to its nodes' VMs", async () => {
    renderWithApi(
      <NodePoolsTable
        cluster={clusterFixture()}
        entityRef={entityRef}
        canScale={false}
        onScaled={jest.fn()}
      />,
      {},
    );
    expect(screen.queryByText('10.0.1.5')).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Show nodes of workers' }),
    );
    expect(await screen.findByText('10.0.1.5')).toBeInTheDocument();
    expect(screen.getByText('esx-02.lab')).toBeInTheDocument();
  });

  it('hides the scale button from those not allowed', async () => {
    renderWithApi(
      <NodePoolsTable
        cluster={clusterFixture()}
        entityRef={entityRef}
        canScale={false}
        onScaled={jest.fn()}
      />,
      {},
    );
    expect(screen.getByText('workers')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Scale workers' }),
    ).not.toBeInTheDocument();
  });

  it('scales a pool of this cluster and hands back the result', async () => {
    const scaled = scalingCluster();
    const scaleNodePool = jest.fn().mockResolvedValue(scaled);
    const onScaled = jest.fn();
    renderWithApi(
      <NodePoolsTable
        cluster={clusterFixture()}
        entityRef={entityRef}
        canScale
        onScaled={onScaled}
      />,
      { scaleNodePool },
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Scale workers' }));
    const input = await screen.findByRole('textbox', { name: /Replicas/ });
    await user.clear(input);
    await user.type(input, '3');
    await user.click(screen.getByRole('button', { name: 'Scale' }));
    await waitFor(() => expect(onScaled).toHaveBeenCalledWith(scaled));
    expect(scaleNodePool).toHaveBeenCalledWith({
      entityRef,
      cluster: 'tkc-1',
      nodePool: 'workers',
      replicas: 3,
    });
  });

  it('keeps an open scale dialog while the page re-reads the cluster', async () => {
    // a live update: the same pools as new objects, one more machine ready
    const LivePage = () => {
      const [cluster, setCluster] = useState(clusterFixture());
      return (
        <>
          <button onClick={() => setCluster(scalingCluster())}>re-read</button>
          <NodePoolsTable
            cluster={cluster}
            entityRef={entityRef}
            canScale
            onScaled={jest.fn()}
          />
        </>
      );
    };
    renderWithApi(<LivePage />, {});
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Scale workers' }));
    const input = await screen.findByRole('textbox', { name: /Replicas/ });
    await user.clear(input);
    await user.type(input, '3');
    fireEvent.click(screen.getByText('re-read'));
    expect(await screen.findByText('2 of 3 ready')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Replicas/ })).toHaveValue('3');
  });

  it('says how to add a pool when there is none', async () => {
    renderWithApi(
      <NodePoolsTable
        cluster={clusterFixture({ nodePools: [] })}
        entityRef={entityRef}
        canScale
        onScaled={jest.fn()}
      />,
      {},
    );
    expect(
      screen.getByText(
        "Cluster tkc-1 has no node pools. Add one with the 'Add a node pool' template.",
      ),
    ).toBeInTheDocument();
  });
});
