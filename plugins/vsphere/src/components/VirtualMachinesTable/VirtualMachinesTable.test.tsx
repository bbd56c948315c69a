import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApi, vmFixture } from '../../__testUtils__';
import { VirtualMachinesTable } from './VirtualMachinesTable';

const entityRef = 'component:default/payments';

describe('VirtualMachinesTable', () => {
  it('shows each VM with the vCenter data joined to it', async () => {
    renderWithApi(
      <VirtualMachinesTable
        vms={[
          vmFixture(),
          vmFixture({
            name: 'db-1',
            powerState: 'PoweredOff',
            desiredPowerState: 'PoweredOn',
            primaryIP4: undefined,
            vcenterVm: undefined,
          }),
        ]}
        namespace="demo"
        entityRef={entityRef}
        powerableVms={['web-1', 'db-1']}
        onPowered={jest.fn()}
      />,
      {},
    );
    const web = screen.getByText('web-1').closest('tr')!;
    expect(within(web).getByText('PoweredOn')).toBeInTheDocument();
    expect(within(web).getByText('best-effort-small')).toBeInTheDocument();
    expect(within(web).getByText('ubuntu-22.04')).toBeInTheDocument();
    expect(within(web).getByText('10.0.0.11')).toBeInTheDocument();
    expect(within(web).getByText('esx-01.lab')).toBeInTheDocument();
    expect(within(web).getByText('vsanDatastore')).toBeInTheDocument();

    const db = screen.getByText('db-1').closest('tr')!;
    expect(within(db).getByText('PoweredOff → PoweredOn')).toBeInTheDocument();
    // not in vCenter yet: no IP, and no host (nor its datastore line)
    expect(within(db).getAllByText('—')).toHaveLength(2);
  });

  it('says under the name when a VM is sized apart from its class', () => {
    renderWithApi(
      <VirtualMachinesTable
        vms={[vmFixture({ size: { cpus: 4, memory: '6Gi' } })]}
        namespace="demo"
        entityRef={entityRef}
        powerableVms={[]}
        onPowered={jest.fn()}
      />,
      {},
    );
    const web = screen.getByText('web-1').closest('tr')!;
    expect(
      within(web).getByText('best-effort-small, resized to 4 vCPU, 6Gi'),
    ).toBeInTheDocument();
  });

  it('shows a VM being deleted as Deleting, without power buttons', async () => {
    renderWithApi(
      <VirtualMachinesTable
        vms={[
          vmFixture({
            deletingSince: '2026-11-28T10:00:00Z',
            vcenterVm: undefined,
          }),
        ]}
        namespace="demo"
        entityRef={entityRef}
        powerableVms={['web-1', 'db-1']}
        onPowered={jest.fn()}
      />,
      {},
    );
    const web = screen.getByText('web-1').closest('tr')!;
    expect(within(web).getByText('Deleting')).toBeInTheDocument();
    expect(within(web).queryByRole('button')).not.toBeInTheDocument();
  });

  it('hides the power buttons from those not allowed', async () => {
    renderWithApi(
      <VirtualMachinesTable
        vms={[vmFixture()]}
        namespace="demo"
        entityRef={entityRef}
        powerableVms={[]}
        onPowered={jest.fn()}
      />,
      {},
    );
    expect(screen.getByText('web-1')).toBeInTheDocument();
    expect(screen.queryByText('Actions')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Power off/ }),
    ).not.toBeInTheDocument();
  });

  it('powers a VM after confirmation and hands back the result', async () => {
    const restarted = vmFixture();
    const powerVm = jest.fn().mockResolvedValue(restarted);
    const onPowered = jest.fn();
    renderWithApi(
      <VirtualMachinesTable
        vms={[vmFixture()]}
        namespace="demo"
        entityRef={entityRef}
        powerableVms={['web-1', 'db-1']}
        onPowered={onPowered}
      />,
      { powerVm },
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Restart web-1' }));
    await user.click(await screen.findByRole('button', { name: 'Restart' }));
    await waitFor(() => expect(onPowered).toHaveBeenCalledWith(restarted));
    expect(powerVm).toHaveBeenCalledWith({
      entityRef,
      vm: 'web-1',
      action: 'restart',
    });
  });

  it('says how to create a VM when there is none', async () => {
    renderWithApi(
      <VirtualMachinesTable
        vms={[]}
        namespace="demo"
        entityRef={entityRef}
        powerableVms={['web-1', 'db-1']}
        onPowered={jest.fn()}
      />,
      {},
    );
    expect(
      screen.getByText(
        "No VMs in namespace demo. Create one with the 'Virtual machine' template.",
      ),
    ).toBeInTheDocument();
  });
});
