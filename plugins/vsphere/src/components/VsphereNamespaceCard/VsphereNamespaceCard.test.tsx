import { screen } from '@testing-library/react';
import {
  entityFixture,
  overviewFixture,
  renderWithApi,
  responseError,
} from '../../__testUtils__';
import { VsphereNamespaceCard } from './VsphereNamespaceCard';

const namespaceEntity = entityFixture(
  {
    'vsphere.vmware.com/supervisor-namespace': 'demo',
    'vsphere.vmware.com/vcenter': 'vc-east',
  },
  'Resource',
  'vsphere-namespace',
);

describe('VsphereNamespaceCard', () => {
  it("shows the namespace of the Resource entity's overview", async () => {
    const getEntityOverview = jest.fn().mockResolvedValue(overviewFixture());
    renderWithApi(
      <VsphereNamespaceCard />,
      { getEntityOverview },
      namespaceEntity,
    );
    expect(
      await screen.findByText('Supervisor namespace demo'),
    ).toBeInTheDocument();
    expect(screen.getByText('8 GiB of 64 GiB')).toBeInTheDocument();
    expect(getEntityOverview).toHaveBeenCalledWith('resource:default/payments');
  });

  it('says what to do when vCenter has no such namespace', async () => {
    renderWithApi(
      <VsphereNamespaceCard />,
      {
        getEntityOverview: async () =>
          overviewFixture({ namespace: undefined }),
      },
      namespaceEntity,
    );
    expect(
      await screen.findByText(/returned no details for namespace demo/),
    ).toBeInTheDocument();
  });

  it('shows the failed sources above the card', async () => {
    const overview = overviewFixture({
      errors: [
        { source: 'vcenter:vc-east', name: 'Error', message: 'socket hang up' },
      ],
    });
    renderWithApi(
      <VsphereNamespaceCard />,
      { getEntityOverview: async () => overview },
      namespaceEntity,
    );
    expect(
      await screen.findByText('Could not read vCenter vc-east'),
    ).toBeInTheDocument();
    expect(screen.getByText('Supervisor namespace demo')).toBeInTheDocument();
  });

  it('shows the error when the overview cannot be read', async () => {
    const error = await responseError(403, 'NotAllowedError', 'Unauthorized');
    renderWithApi(
      <VsphereNamespaceCard />,
      { getEntityOverview: () => Promise.reject(error) },
      namespaceEntity,
    );
    expect(await screen.findByText('Not allowed')).toBeInTheDocument();
  });
});
