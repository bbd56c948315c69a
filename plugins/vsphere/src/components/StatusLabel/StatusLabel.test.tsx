import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { StatusLabel } from './StatusLabel';

describe('StatusLabel', () => {
  it('labels the status with the icon of its tone', async () => {
    renderInTestApp(<StatusLabel tone="error" label="ERROR" />);
    const label = screen.getByText('ERROR');
    expect(label).toBeInTheDocument();
    expect(screen.getByLabelText('Status error')).toBeInTheDocument();
  });

  it('says Unknown when there is no status', async () => {
    renderInTestApp(<StatusLabel tone="unknown" />);
    expect(screen.getByText('Unknown')).toBeInTheDocument();
  });
});
