import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  clusterFixture,
  entityFixture,
  overviewFixture,
  renderWithApi,
} from '../../__testUtils__';
import { VsphereClusterCard } from './VsphereClusterCard';

const clusterEntity = entityFixture(
  {
    'vsphere.vmware.com/supervisor-namespace': 'demo',
    'vsphere.vmware.com/cluster': 'tkc-2',
  },
  'Resource',
  'kubernetes-cluster',
);

function withPool(
  name: string,
  desiredReplicas: number,
  readyReplicas: number,
) {
  const cluster = clusterFixture({ name });
  cluster.nodePools[0] = {
    ...cluster.nodePools[0],
    desiredReplicas,
    readyReplicas,
  };
  return cluster;
}

describe('VsphereClusterCard', () => {
  it('shows only the cluster the entity names, with its node pools', async () => {
    const overview = overviewFixture({
      clusters: [
        clusterFixture(),
        clusterFixture({ name: 'tkc-2', version: 'v1.30.1' }),
      ],
    });
    renderWithApi(
      <VsphereClusterCard />,
      { getEntityOverview: async () => overview },
      clusterEntity,
    );
    expect(
      await screen.findByRole('heading', { name: 'tkc-2' }),
    ).toBeInTheDocument();
    expect(screen.getByText('v1.30.1')).toBeInTheDocument();
    expect(screen.getByText('2 of 2 ready')).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'tkc-1' }),
    ).not.toBeInTheDocument();
  });

  it('scales a node pool and follows the ready replicas', async () => {
    const getEntityOverview = jest
      .fn()
      .mockResolvedValueOnce(
        overviewFixture({
          clusters: [withPool('tkc-2', 2, 2)],
          allowed: { scaleClusters: ['tkc-2'], powerVms: [] },
        }),
      )
      .mockResolvedValueOnce(
        overviewFixture({
          clusters: [withPool('tkc-2', 1, 2)],
          allowed: { scaleClusters: ['tkc-2'], powerVms: [] },
        }),
      )
      .mockResolvedValue(
        overviewFixture({
          clusters: [withPool('tkc-2', 1, 1)],
          allowed: { scaleClusters: ['tkc-2'], powerVms: [] },
        }),
      );
    const scaleNodePool = jest.fn().mockResolvedValue(withPool('tkc-2', 1, 2));
    renderWithApi(
      <VsphereClusterCard pollIntervalMs={1} />,
      { getEntityOverview, scaleNodePool },
      clusterEntity,
    );
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', { name: 'Scale workers' }),
    );
    const input = await screen.findByRole('textbox', { name: /Replicas/ });
    await user.clear(input);
    await user.type(input, '1');
    await user.click(screen.getByRole('button', { name: 'Scale' }));

    expect(await screen.findByText('1 of 1 ready')).toBeInTheDocument();
    expect(scaleNodePool).toHaveBeenCalledWith({
      entityRef: 'resource:default/payments',
      cluster: 'tkc-2',
      nodePool: 'workers',
      replicas: 1,
    });
  });

  it('hides the scale button from those not allowed', async () => {
    const overview = overviewFixture({
      clusters: [clusterFixture({ name: 'tkc-2' })],
      allowed: { scaleClusters: [], powerVms: [] },
    });
    renderWithApi(
      <VsphereClusterCard />,
      { getEntityOverview: async () => overview },
      clusterEntity,
    );
    expect(await screen.findByText('workers')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Scale workers' }),
    ).not.toBeInTheDocument();
  });

  it('says the cluster is gone when the namespace no longer has it', async () => {
    renderWithApi(
      <VsphereClusterCard />,
      { getEntityOverview: async () => overviewFixture() },
      clusterEntity,
    );
    expect(
      await screen.findByText(/Cluster tkc-2 was not found/),
    ).toBeInTheDocument();
  });

  it('points at the warnings when the Supervisor could not be read', async () => {
    const overview = overviewFixture({
      clusters: [],
      errors: [
        {
          source: 'supervisor:vc-east/sv-1',
          name: 'ServiceUnavailableError',
          message: 'connect ECONNREFUSED',
        },
      ],
    });
    renderWithApi(
      <VsphereClusterCard />,
      { getEntityOverview: async () => overview },
      clusterEntity,
    );
    expect(
      await screen.findByText('Could not read Supervisor vc-east/sv-1'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Cluster tkc-2 could not be read; see the warnings above.',
      ),
    ).toBeInTheDocument();
  });
});
