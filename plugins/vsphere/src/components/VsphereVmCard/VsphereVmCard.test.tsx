import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  entityFixture,
  overviewFixture,
  renderWithApi,
  vmFixture,
} from '../../__testUtils__';
import { VsphereVmCard } from './VsphereVmCard';

const vmEntity = entityFixture(
  {
    'vsphere.vmware.com/supervisor-namespace': 'demo',
    'vsphere.vmware.com/vm': 'db-1',
  },
  'Resource',
  'virtual-machine',
);

const overview = overviewFixture({
  vms: [
    vmFixture(),
    vmFixture({ name: 'db-1', className: 'guaranteed-large' }),
  ],
  allowed: { scaleClusters: [], powerVms: ['db-1'] },
});

describe('VsphereVmCard', () => {
  it('shows only the VM the entity names', async () => {
    renderWithApi(
      <VsphereVmCard />,
      { getEntityOverview: async () => overview },
      vmEntity,
    );
    expect(await screen.findByText('Virtual machine db-1')).toBeInTheDocument();
    expect(screen.getByText('guaranteed-large')).toBeInTheDocument();
    expect(screen.getByText('PoweredOn')).toBeInTheDocument();
    expect(screen.getByText('2 vCPU, 4 GiB')).toBeInTheDocument();
    expect(screen.getByText('esx-01.lab')).toBeInTheDocument();
    expect(screen.getByText('ubuntu64Guest')).toBeInTheDocument();
    expect(screen.queryByText('web-1')).not.toBeInTheDocument();
  });

  it('powers the VM after confirmation', async () => {
    const powerVm = jest.fn().mockResolvedValue(vmFixture({ name: 'db-1' }));
    const getEntityOverview = jest.fn().mockResolvedValue(overview);
    renderWithApi(<VsphereVmCard />, { getEntityOverview, powerVm }, vmEntity);
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', { name: 'Restart db-1' }),
    );
    await user.click(await screen.findByRole('button', { name: 'Restart' }));
    await waitFor(() =>
      expect(powerVm).toHaveBeenCalledWith({
        entityRef: 'resource:default/payments',
        vm: 'db-1',
        action: 'restart',
      }),
    );
    await waitFor(() => expect(getEntityOverview).toHaveBeenCalledTimes(2));
  });

  it('hides the power buttons from those not allowed', async () => {
    renderWithApi(
      <VsphereVmCard />,
      {
        getEntityOverview: async () => ({
          ...overview,
          allowed: { powerVms: [], scaleClusters: [] },
        }),
      },
      vmEntity,
    );
    expect(await screen.findByText('Virtual machine db-1')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /db-1$/ }),
    ).not.toBeInTheDocument();
  });

  it('says the VM is gone when the namespace no longer has it', async () => {
    renderWithApi(
      <VsphereVmCard />,
      { getEntityOverview: async () => overviewFixture() },
      vmEntity,
    );
    expect(
      await screen.findByText(
        /VM db-1 was not found. It may have been deleted/,
      ),
    ).toBeInTheDocument();
  });

  it('asks for the VM annotation when it is missing', async () => {
    const getEntityOverview = jest.fn();
    renderWithApi(
      <VsphereVmCard />,
      { getEntityOverview },
      entityFixture(
        { 'vsphere.vmware.com/supervisor-namespace': 'demo' },
        'Resource',
        'virtual-machine',
      ),
    );
    expect(await screen.findByText('Missing Annotation')).toBeInTheDocument();
    expect(getEntityOverview).not.toHaveBeenCalled();
  });
});
