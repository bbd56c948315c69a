import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { clusterFixture } from '../../__testUtils__';
import { ClusterSummary } from './ClusterSummary';

describe('ClusterSummary', () => {
  it('shows kind, class, version, phase and control plane', async () => {
    renderInTestApp(<ClusterSummary cluster={clusterFixture()} />);
    expect(screen.getByRole('heading', { name: 'tkc-1' })).toBeInTheDocument();
    expect(screen.getByText('Provisioned')).toBeInTheDocument();
    expect(screen.getByText('Cluster')).toBeInTheDocument();
    expect(screen.getByText('tanzukubernetescluster')).toBeInTheDocument();
    expect(screen.getByText('v1.29.4')).toBeInTheDocument();
    expect(screen.getByText('1 replica, ready')).toBeInTheDocument();
  });

  it('shows the conditions that are not true', async () => {
    renderInTestApp(
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

  it('lists the control-plane machines with the VM each runs on', async () => {
    renderInTestApp(
      <ClusterSummary
        cluster={clusterFixture({
          controlPlaneMachines: [
            {
              name: 'tkc-1-control-plane-abcde',
              phase: 'Running',
              vcenterVm: {
                moref: 'vm-77',
                name: 'tkc-1-cp-vm',
                powerState: 'poweredOn',
                ipAddress: '10.244.0.7',
                datastores: [],
              },
            },
          ],
        })}
      />,
    );
    expect(screen.getByText('Control-plane machines')).toBeInTheDocument();
    const row = screen.getByText('tkc-1-control-plane-abcde').closest('tr')!;
    expect(row).toHaveTextContent('tkc-1-cp-vm');
    expect(row).toHaveTextContent('10.244.0.7');
  });

  it('shows no machine list when none is known', async () => {
    renderInTestApp(<ClusterSummary cluster={clusterFixture()} />);
    expect(
      screen.queryByText('Control-plane machines'),
    ).not.toBeInTheDocument();
  });
});
