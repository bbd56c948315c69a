import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { responseError } from '../../__testUtils__';
import { ErrorAlert } from './ErrorAlert';

describe('ErrorAlert', () => {
  it("shows the backend's error name and message for a failed response", async () => {
    const error = await responseError(
      503,
      'ServiceUnavailableError',
      'vsphere backend is starting',
    );
    renderInTestApp(<ErrorAlert error={error} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'ServiceUnavailableError: vsphere backend is starting',
    );
  });

  it('shows a plain error as it is', async () => {
    renderInTestApp(<ErrorAlert error={new TypeError('Failed to fetch')} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'TypeError: Failed to fetch',
    );
  });
});
