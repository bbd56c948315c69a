import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { LimitRangeTable } from './LimitRangeTable';

const none = {
  default: {},
  defaultRequest: {},
  min: {},
  max: {},
  maxLimitRequestRatio: {},
};

/** The cells of each body row, by header. */
function rowsOf(table: HTMLElement) {
  const headers = within(table)
    .getAllByRole('columnheader')
    .map(h => h.textContent);
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      Object.fromEntries(
        within(row)
          .getAllByRole('cell')
          .map((c, i) => [headers[i], c.textContent]),
      ),
    );
}

describe('LimitRangeTable', () => {
  it('shows defaults and bounds per object type and resource', async () => {
    renderInTestApp(
      <LimitRangeTable
        name="defaults"
        limits={[
          {
            ...none,
            type: 'Container',
            default: { cpu: '500m', memory: '512Mi' },
            defaultRequest: { cpu: '250m', memory: '256Mi' },
            max: { cpu: '2' },
            maxLimitRequestRatio: { cpu: '4' },
          },
          { ...none, type: 'PersistentVolumeClaim', min: { storage: '1Gi' } },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'LimitRange defaults' });
    expect(rowsOf(table)).toEqual([
      {
        'Applies to': 'Container',
        Resource: 'cpu',
        'Default request': '250m',
        'Default limit': '500m',
        Min: '—',
        Max: '2',
        'Max limit/request': '4',
      },
      {
        'Applies to': 'Container',
        Resource: 'memory',
        'Default request': '256Mi',
        'Default limit': '512Mi',
        Min: '—',
        Max: '—',
        'Max limit/request': '—',
      },
      {
        'Applies to': 'PersistentVolumeClaim',
        Resource: 'storage',
        'Default request': '—',
        'Default limit': '—',
        Min: '1Gi',
        Max: '—',
        'Max limit/request': '—',
      },
    ]);
  });

  it('says so when a LimitRange sets nothing', async () => {
    renderInTestApp(<LimitRangeTable name="empty" limits={[]} />);
    expect(
      within(screen.getByRole('table', { name: 'LimitRange empty' })).getByText(
        'No defaults or bounds set.',
      ),
    ).toBeInTheDocument();
  });
});
