import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { namespaceFixture, overviewFixture } from '../../__testUtils__';
import { NamespaceStatusCard } from './NamespaceStatusCard';

describe('NamespaceStatusCard', () => {
  it('shows status, description, messages, quotas and links', async () => {
    const overview = overviewFixture({
      namespace: namespaceFixture({
        configStatus: 'CONFIGURING',
        messages: ['Storage policy vsan-default is being applied'],
      }),
    });
    renderInTestApp(
      <NamespaceStatusCard overview={overview} namespaceName="demo" />,
    );
    expect(screen.getByText('Supervisor namespace demo')).toBeInTheDocument();
    expect(screen.getByText('CONFIGURING')).toBeInTheDocument();
    expect(screen.getByLabelText('Status pending')).toBeInTheDocument();
    expect(screen.getByText('Payments team namespace')).toBeInTheDocument();
    expect(
      screen.getByText('Storage policy vsan-default is being applied'),
    ).toBeInTheDocument();
    expect(screen.getByText('4 GHz of 20 GHz')).toBeInTheDocument();
    expect(screen.getByText('8 GiB of 64 GiB')).toBeInTheDocument();
    expect(screen.getByText('100 GiB used, no limit')).toBeInTheDocument();
    expect(screen.getByText('vsan-default (limit 1 TiB)')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open in the vSphere Client' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Copy the kubectl vsphere login command',
      }),
    ).toBeInTheDocument();
  });

  it('says when a developer created the namespace through self-service, and its network', async () => {
    const overview = overviewFixture({
      namespace: namespaceFixture({
        selfService: true,
        network: {
          provider: 'NSX_VPC',
          vpc: '/orgs/default/projects/p/vpcs/v',
        },
      }),
    });
    renderInTestApp(
      <NamespaceStatusCard overview={overview} namespaceName="demo" />,
    );
    expect(
      screen.getByText(
        'Created by a developer through namespace self-service. Network: NSX_VPC (VPC /orgs/default/projects/p/vpcs/v)',
      ),
    ).toBeInTheDocument();
  });

  it('says what to do when vCenter returned no namespace', async () => {
    renderInTestApp(
      <NamespaceStatusCard
        overview={overviewFixture({ namespace: undefined })}
        namespaceName="demo"
      />,
    );
    expect(
      screen.getByText(
        /vCenter vc-east returned no details for namespace demo/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /create it with the 'Supervisor namespace for a team' template/,
      ),
    ).toBeInTheDocument();
  });

  it('points at the warnings when the namespace is missing because a source failed', async () => {
    renderInTestApp(
      <NamespaceStatusCard
        overview={overviewFixture({
          namespace: undefined,
          errors: [
            { source: 'vcenter:vc-east', name: 'Error', message: 'timeout' },
          ],
        })}
        namespaceName="demo"
      />,
    );
    expect(screen.getByText(/See the warnings above/)).toBeInTheDocument();
  });
});
