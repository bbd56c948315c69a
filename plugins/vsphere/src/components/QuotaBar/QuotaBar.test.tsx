import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { QuotaBar } from './QuotaBar';

describe('QuotaBar', () => {
  it('shows used against the limit in GHz with a bar', async () => {
    renderInTestApp(
      <QuotaBar
        label="CPU"
        quota={{ used: 4000, limit: 20000, unit: 'MHz' }}
      />,
    );
    expect(screen.getByText('CPU')).toBeInTheDocument();
    expect(screen.getByText('4 GHz of 20 GHz')).toBeInTheDocument();
    expect(screen.getByRole('meter', { name: 'CPU used' })).toHaveAttribute(
      'aria-valuenow',
      '20',
    );
  });

  it('draws an empty bar, not a dot, when nothing is used', async () => {
    renderInTestApp(
      <QuotaBar label="Memory" quota={{ used: 0, limit: 1024, unit: 'MiB' }} />,
    );
    const bar = screen.getByRole('meter', { name: 'Memory used' });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    expect((bar.firstChild as HTMLElement).style.width).toBe('0%');
  });

  it('says there is no limit and draws no bar', async () => {
    renderInTestApp(
      <QuotaBar label="Storage" quota={{ used: 2097152, unit: 'MiB' }} />,
    );
    expect(screen.getByText('2 TiB used, no limit')).toBeInTheDocument();
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
  });
});
