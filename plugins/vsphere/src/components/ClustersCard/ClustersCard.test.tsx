import { screen } from '@testing-library/react';
import { clusterFixture, renderWithApi } from '../../__testUtils__';
import { ClustersCard } from './ClustersCard';

const entityRef = 'component:default/payments';

describe('ClustersCard', () => {
  it('shows each cluster with its node pools', async () => {
    renderWithApi(
      <ClustersCard
        clusters={[
          clusterFixture(),
          clusterFixture({ name: 'tkc-2', version: 'v1.30.1' }),
        ]}
        namespace="demo"
        entityRef={entityRef}
        scalableClusters={['tkc-1', 'tkc-2']}
        onScaled={jest.fn()}
      />,
      {},
    );
    expect(screen.getByText('Workload clusters')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'tkc-1' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'tkc-2' })).toBeInTheDocument();
    expect(screen.getByText('v1.30.1')).toBeInTheDocument();
    expect(screen.getAllByText('2 of 2 ready')).toHaveLength(2);
    expect(
      screen.getAllByRole('button', { name: 'Scale workers' }),
    ).toHaveLength(2);
  });

  it('offers scaling only for the clusters the caller may scale', async () => {
    renderWithApi(
      <ClustersCard
        clusters={[
          clusterFixture(),
          clusterFixture({ name: 'tkc-2', version: 'v1.30.1' }),
        ]}
        namespace="demo"
        entityRef={entityRef}
        scalableClusters={['tkc-2']}
        onScaled={jest.fn()}
      />,
      {},
    );
    const buttons = screen.getAllByRole('button', { name: 'Scale workers' });
    expect(buttons).toHaveLength(1);
    const tkc2 = screen.getByRole('heading', { name: 'tkc-2' });
    expect(
      tkc2.compareDocumentPosition(buttons[0]) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('says how to create a cluster when there is none', async () => {
    renderWithApi(
      <ClustersCard
        clusters={[]}
        namespace="demo"
        entityRef={entityRef}
        scalableClusters={['tkc-1', 'tkc-2']}
        onScaled={jest.fn()}
      />,
      {},
    );
    expect(
      screen.getByText(
        "No workload clusters in namespace demo. Create one with the 'Workload cluster' template.",
      ),
    ).toBeInTheDocument();
  });
});
