import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  clusterFixture,
  entityFixture,
  overviewFixture,
  renderWithApi,
  responseError,
  vmFixture,
} from '../../__testUtils__';
import { VsphereEntityContent } from './VsphereEntityContent';

function withPool(desiredReplicas: number, readyReplicas: number) {
  const cluster = clusterFixture();
  cluster.nodePools[0] = {
    ...cluster.nodePools[0],
    desiredReplicas,
    readyReplicas,
  };
  return cluster;
}

// the whole tab (tables, dialogs, insight cards) renders slowly when every package's tests share 2 cores
jest.setTimeout(60_000);

describe('VsphereEntityContent', () => {
  it('shows the namespace, VMs, clusters and events of the entity', async () => {
    const getEntityOverview = jest.fn().mockResolvedValue(overviewFixture());
    renderWithApi(<VsphereEntityContent />, { getEntityOverview });

    expect(
      await screen.findByText('Supervisor namespace demo'),
    ).toBeInTheDocument();
    expect(getEntityOverview).toHaveBeenCalledWith(
      'component:default/payments',
    );
    expect(screen.getByText('4 GHz of 20 GHz')).toBeInTheDocument();
    expect(screen.getByText('web-1')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'tkc-1' })).toBeInTheDocument();
    expect(screen.getByText('2 of 2 ready')).toBeInTheDocument();
    expect(screen.getByText('Machine is not ready')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Scale workers' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Power off web-1' }),
    ).toBeInTheDocument();
  });

  it('shows what did load below a warning for each failed source', async () => {
    const overview = overviewFixture({
      namespace: undefined,
      clusters: [],
      events: [],
      errors: [
        {
          source: 'supervisor:vc-east/sv-1',
          name: 'ServiceUnavailableError',
          message: 'Supervisor did not answer within 5s',
        },
      ],
    });
    renderWithApi(<VsphereEntityContent />, {
      getEntityOverview: async () => overview,
    });
    expect(
      await screen.findByText('Could not read Supervisor vc-east/sv-1'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'ServiceUnavailableError: Supervisor did not answer within 5s',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('web-1')).toBeInTheDocument();
    expect(screen.getByText(/See the warnings above/)).toBeInTheDocument();
  });

  it('hides scale and power buttons from those not allowed', async () => {
    const overview = overviewFixture({
      allowed: { scaleClusters: [], powerVms: [] },
    });
    renderWithApi(<VsphereEntityContent />, {
      getEntityOverview: async () => overview,
    });
    expect(await screen.findByText('web-1')).toBeInTheDocument();
    expect(screen.getByText('workers')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Scale workers' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /web-1$/ }),
    ).not.toBeInTheDocument();
  });

  it('scales a node pool and shows ready replicas follow', async () => {
    const getEntityOverview = jest
      .fn()
      .mockResolvedValueOnce(overviewFixture())
      .mockResolvedValueOnce(overviewFixture({ clusters: [withPool(3, 2)] }))
      .mockResolvedValue(overviewFixture({ clusters: [withPool(3, 3)] }));
    const scaleNodePool = jest.fn().mockResolvedValue(withPool(3, 2));
    renderWithApi(<VsphereEntityContent pollIntervalMs={1} />, {
      getEntityOverview,
      scaleNodePool,
    });

    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', { name: 'Scale workers' }),
    );
    const input = await screen.findByRole('textbox', { name: /Replicas/ });
    await user.clear(input);
    await user.type(input, '3');
    await user.click(screen.getByRole('button', { name: 'Scale' }));

    expect(await screen.findByText('3 of 3 ready')).toBeInTheDocument();
    expect(scaleNodePool).toHaveBeenCalledWith({
      entityRef: 'component:default/payments',
      cluster: 'tkc-1',
      nodePool: 'workers',
      replicas: 3,
    });
    expect(getEntityOverview).toHaveBeenCalledTimes(3);
  });

  it('powers a VM after confirmation and re-reads the overview', async () => {
    const stopped = vmFixture({
      desiredPowerState: 'PoweredOff',
      powerState: 'PoweredOff',
    });
    const getEntityOverview = jest
      .fn()
      .mockResolvedValueOnce(overviewFixture())
      .mockResolvedValue(overviewFixture({ vms: [stopped] }));
    const powerVm = jest.fn().mockResolvedValue(stopped);
    renderWithApi(<VsphereEntityContent />, {
      getEntityOverview,
      powerVm,
    });

    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', { name: 'Power off web-1' }),
    );
    await user.click(await screen.findByRole('button', { name: 'Power off' }));

    expect(
      await screen.findByRole('button', { name: 'Power on web-1' }),
    ).toBeInTheDocument();
    expect(powerVm).toHaveBeenCalledWith({
      entityRef: 'component:default/payments',
      vm: 'web-1',
      action: 'off',
    });
    await waitFor(() => expect(getEntityOverview).toHaveBeenCalledTimes(2));
  });

  it('says how to add the annotation without asking the backend', async () => {
    const getEntityOverview = jest.fn();
    renderWithApi(
      <VsphereEntityContent />,
      { getEntityOverview },
      entityFixture({}),
    );
    expect(await screen.findByText('Missing Annotation')).toBeInTheDocument();
    expect(getEntityOverview).not.toHaveBeenCalled();
  });

  it('says what to do when the backend rejects the annotation', async () => {
    const error = await responseError(
      400,
      'InputError',
      "vCenter 'vc-west' named by vsphere.vmware.com/vcenter is not configured; configured vCenters: vc-east",
    );
    renderWithApi(<VsphereEntityContent />, {
      getEntityOverview: () => Promise.reject(error),
    });
    expect(await screen.findByText('Unknown vCenter')).toBeInTheDocument();
    expect(
      screen.getByText(/configured vCenters: vc-east/),
    ).toBeInTheDocument();
  });

  it('shows the backend error when nothing could be read', async () => {
    const error = await responseError(
      404,
      'NotFoundError',
      'No entity named component:default/payments',
    );
    renderWithApi(<VsphereEntityContent />, {
      getEntityOverview: () => Promise.reject(error),
    });
    // The error panel shows the message and the response body that carries it.
    expect(
      (
        await screen.findAllByText(
          /No entity named component:default\/payments/,
        )
      )[0],
    ).toBeInTheDocument();
  });
});
