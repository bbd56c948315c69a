import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApi, vmFixture } from '../../__testUtils__';
import { VmPowerActions } from './VmPowerActions';

const entityRef = 'component:default/payments';

describe('VmPowerActions', () => {
  it('offers power off and restart for a running VM', async () => {
    renderWithApi(
      <VmPowerActions
        entityRef={entityRef}
        vm={vmFixture()}
        onPowered={jest.fn()}
      />,
      {},
    );
    expect(
      screen.getByRole('button', { name: 'Power off web-1' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Restart web-1' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Power on web-1' }),
    ).not.toBeInTheDocument();
  });

  it('offers only power on for a stopped VM', async () => {
    const vm = vmFixture({ powerState: 'PoweredOff' });
    renderWithApi(
      <VmPowerActions entityRef={entityRef} vm={vm} onPowered={jest.fn()} />,
      {},
    );
    expect(
      screen.getByRole('button', { name: 'Power on web-1' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Restart web-1' }),
    ).not.toBeInTheDocument();
  });

  it('asks for confirmation, then sends the chosen action', async () => {
    const stopped = vmFixture({ desiredPowerState: 'PoweredOff' });
    const powerVm = jest.fn().mockResolvedValue(stopped);
    const onPowered = jest.fn();
    renderWithApi(
      <VmPowerActions
        entityRef={entityRef}
        vm={vmFixture()}
        onPowered={onPowered}
      />,
      { powerVm },
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Power off web-1' }));

    expect(
      await screen.findByRole('heading', { name: 'Power off web-1?' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/web-1 will stop/)).toBeInTheDocument();
    expect(powerVm).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Power off' }));
    await waitFor(() => expect(onPowered).toHaveBeenCalledWith(stopped));
    expect(powerVm).toHaveBeenCalledWith({
      entityRef,
      vm: 'web-1',
      action: 'off',
    });
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('sends nothing when cancelled', async () => {
    const powerVm = jest.fn();
    renderWithApi(
      <VmPowerActions
        entityRef={entityRef}
        vm={vmFixture()}
        onPowered={jest.fn()}
      />,
      { powerVm },
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Restart web-1' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(powerVm).not.toHaveBeenCalled();
  });

  it('shows why the action failed and keeps the dialog open', async () => {
    const powerVm = jest
      .fn()
      .mockRejectedValue(
        new Error('Not allowed to power VMs of component:default/payments'),
      );
    renderWithApi(
      <VmPowerActions
        entityRef={entityRef}
        vm={vmFixture()}
        onPowered={jest.fn()}
      />,
      { powerVm },
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Restart web-1' }));
    await user.click(await screen.findByRole('button', { name: 'Restart' }));
    expect(await screen.findByText('Restart failed')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Not allowed to power VMs of component:default/payments',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});
