import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { clusterFixture } from '../../__testUtils__';
import { ClusterSummary } from './ClusterSummary';

describe('ClusterSummary', () => {
  it('shows kind, class, version, phase and control plane', async () => {
    await renderInTestApp(<ClusterSummary cluster={clusterFixture()} />);
    expect(screen.getByRole('heading', { name: 'tkc-1' })).toBeInTheDocument();
    expect(screen.getByText('Provisioned')).toBeInTheDocument();
    expect(screen.getByText('Cluster')).toBeInTheDocument();
    expect(screen.getByText('tanzukubernetescluster')).toBeInTheDocument();
    expect(screen.getByText('v1.29.4')).toBeInTheDocument();
    expect(screen.getByText('1 replica, ready')).toBeInTheDocument();
  });

  it('shows the conditions that are not true', async () => {
    await renderInTestApp(
      <ClusterSummary
        cluster={clusterFixture({
          kind: 'TanzuKubernetesCluster',
          clusterClass: undefined,
          phase: 'Failed',
          controlPlaneReplicas: 3,
          controlPlaneReady: false,
          conditions: [
            { type: 'Ready', status: 'False', reason: 'ControlPlaneNotReady' },
            { type: 'InfrastructureReady', status: 'True' },
          ],
        })}
      />,
    );
    expect(screen.getByText('TanzuKubernetesCluster')).toBeInTheDocument();
    expect(screen.getByLabelText('Status error')).toBeInTheDocument();
    expect(screen.getByText('3 replicas, not ready')).toBeInTheDocument();
    expect(screen.getByText('Ready: ControlPlaneNotReady')).toBeInTheDocument();
    expect(screen.queryByText('InfrastructureReady')).not.toBeInTheDocument();
  });
});
