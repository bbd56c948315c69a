import { screen, waitFor } from '@testing-library/react';
import { renderWithApi, responseError } from '../../__testUtils__';
import { OverviewErrorPanel } from './OverviewErrorPanel';

describe('OverviewErrorPanel', () => {
  it('shows how to add the namespace annotation when the backend asks for it', async () => {
    const error = await responseError(
      400,
      'InputError',
      'Entity component:default/payments has no vsphere.vmware.com/supervisor-namespace annotation',
    );
    renderWithApi(<OverviewErrorPanel error={error} />, {});
    expect(screen.getByText('Missing Annotation')).toBeInTheDocument();
    expect(
      screen.getAllByText(/vsphere.vmware.com\/supervisor-namespace/).length,
    ).toBeGreaterThan(0);
    // the example catalog-info.yaml, whose highlighter loads lazily
    await waitFor(() =>
      expect(document.body).toHaveTextContent(
        'apiVersion: backstage.io/v1alpha1',
      ),
    );
  });

  it('names the configured vCenters and how to fix the annotation', async () => {
    const error = await responseError(
      400,
      'InputError',
      "vCenter 'vc-west' named by vsphere.vmware.com/vcenter is not configured; configured vCenters: vc-east",
    );
    renderWithApi(<OverviewErrorPanel error={error} />, {});
    expect(screen.getByText('Unknown vCenter')).toBeInTheDocument();
    expect(
      screen.getByText(/configured vCenters: vc-east/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/to one of the configured vCenters/),
    ).toBeInTheDocument();
  });

  it('says which permission is missing when denied', async () => {
    const error = await responseError(403, 'NotAllowedError', 'Unauthorized');
    renderWithApi(<OverviewErrorPanel error={error} />, {});
    expect(screen.getByText('Not allowed')).toBeInTheDocument();
    expect(
      screen.getByText(/vsphere.entity.read permission/),
    ).toBeInTheDocument();
  });

  it('shows any other error as the backend sent it', async () => {
    const error = await responseError(
      404,
      'NotFoundError',
      'No entity named component:default/payments',
    );
    renderWithApi(<OverviewErrorPanel error={error} />, {});
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
