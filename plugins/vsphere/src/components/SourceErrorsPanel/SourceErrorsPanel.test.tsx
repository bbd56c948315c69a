import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { SourceErrorsPanel } from './SourceErrorsPanel';

describe('SourceErrorsPanel', () => {
  it('names each failed source, its message and what to do', async () => {
    renderInTestApp(
      <SourceErrorsPanel
        errors={[
          {
            source: 'supervisor:vc-east/sv-1',
            name: 'ServiceUnavailableError',
            message: 'Supervisor did not answer within 5s',
          },
          {
            source: 'vcenter:vc-east',
            name: 'AuthenticationError',
            message: 'Session login failed',
          },
        ]}
      />,
    );
    expect(
      screen.getByText('Could not read Supervisor vc-east/sv-1'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'ServiceUnavailableError: Supervisor did not answer within 5s',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Check that Supervisor vc-east\/sv-1 is up and reachable/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Could not read vCenter vc-east'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/refused the Backstage backend's credentials/),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('alert')).toHaveLength(2);
  });

  it('says a stale source may be out of date, not that nothing could be read', async () => {
    renderInTestApp(
      <SourceErrorsPanel
        errors={[
          {
            source: 'vcenter:vc-east',
            name: 'StaleSourceError',
            message:
              'vcenter:vc-east is stale: no update or keep-alive for 12 s (deadline 10 s); showing data last synced at 2024-05-01T11:05:00Z',
          },
        ]}
      />,
    );
    expect(
      screen.getByText('vCenter vc-east stopped sending updates'),
    ).toBeInTheDocument();
    expect(screen.getByText(/may be out of date/)).toBeInTheDocument();
  });

  it('renders nothing when every source answered', async () => {
    renderInTestApp(<SourceErrorsPanel errors={[]} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
