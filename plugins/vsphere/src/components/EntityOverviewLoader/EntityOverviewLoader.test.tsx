import { screen } from '@testing-library/react';
import { Text } from '@backstage/ui';
import {
  overviewFixture,
  renderWithApi,
  responseError,
} from '../../__testUtils__';
import { EntityOverviewLoader } from './EntityOverviewLoader';

const entityRef = 'component:default/payments';

function renderLoader(api: Parameters<typeof renderWithApi>[1]) {
  return renderWithApi(
    <EntityOverviewLoader entityRef={entityRef}>
      {overview => <Text>{`content of ${overview.entityRef}`}</Text>}
    </EntityOverviewLoader>,
    api,
  );
}

describe('EntityOverviewLoader', () => {
  it('shows progress while the overview is read', async () => {
    renderLoader({ getEntityOverview: () => new Promise(() => {}) });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('renders the content with the failed sources above it', async () => {
    const overview = overviewFixture({
      errors: [
        {
          source: 'supervisor:vc-east/sv-1',
          name: 'ServiceUnavailableError',
          message: 'timed out after 5s',
        },
      ],
    });
    renderLoader({ getEntityOverview: async () => overview });
    expect(
      await screen.findByText(`content of ${entityRef}`),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Could not read Supervisor vc-east/sv-1'),
    ).toBeInTheDocument();
  });

  it('shows the backend error when nothing could be read', async () => {
    const error = await responseError(
      503,
      'ServiceUnavailableError',
      'vsphere backend is starting',
    );
    renderLoader({ getEntityOverview: () => Promise.reject(error) });
    // The error panel shows the message and the response body that carries it.
    expect(
      (await screen.findAllByText(/vsphere backend is starting/))[0],
    ).toBeInTheDocument();
  });
});
