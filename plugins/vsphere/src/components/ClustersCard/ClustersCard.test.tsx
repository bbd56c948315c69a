import { screen } from '@testing-library/react';
import { clusterFixture, renderWithApi } from '../../__testUtils__';
import { ClustersCard } from './ClustersCard';

const entityRef = 'component:default/payments';

describe('ClustersCard', () => {
  it('shows each cluster with its node pools', async () => {
    await renderWithApi(
      <ClustersCard
        clusters={[
          clusterFixture(),
          clusterFixture({ name: 'tkc-2', version: 'v1.30.1' }),
        ]}
        namespace="demo"
        entityRef={entityRef}
        canScale
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

  it('says how to create a cluster when there is none', async () => {
    await renderWithApi(
      <ClustersCard
        clusters={[]}
        namespace="demo"
        entityRef={entityRef}
        canScale
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
