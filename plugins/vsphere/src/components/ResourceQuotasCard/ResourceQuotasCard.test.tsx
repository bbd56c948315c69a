import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { namespaceFixture } from '../../__testUtils__';
import { ResourceQuotasCard } from './ResourceQuotasCard';

describe('ResourceQuotasCard', () => {
  it('shows each ResourceQuota hard against used, beside the LimitRanges', async () => {
    renderInTestApp(
      <ResourceQuotasCard
        namespace={namespaceFixture({
          resourceQuotas: [
            {
              name: 'demo-storagequota',
              hard: { 'limits.cpu': '20', 'requests.storage': '200Gi' },
              used: { 'requests.storage': '10Gi' },
            },
          ],
          limitRanges: [
            {
              name: 'demo-container-limits',
              limits: [
                {
                  type: 'Container',
                  default: { cpu: '500m' },
                  defaultRequest: { cpu: '250m' },
                  min: {},
                  max: {},
                  maxLimitRequestRatio: {},
                },
              ],
            },
          ],
        })}
      />,
    );
    const quota = screen.getByRole('table', {
      name: 'ResourceQuota demo-storagequota',
    });
    const cpu = within(quota).getByText('limits.cpu').closest('tr')!;
    expect(
      within(cpu)
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual(['limits.cpu', '0', '20']);
    const storage = within(quota).getByText('requests.storage').closest('tr')!;
    expect(
      within(storage)
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual(['requests.storage', '10Gi', '200Gi']);
    const range = screen.getByRole('table', {
      name: 'LimitRange demo-container-limits',
    });
    expect(within(range).getByText('250m')).toBeInTheDocument();
    expect(within(range).getByText('500m')).toBeInTheDocument();
  });

  it('says what Kubernetes enforces when the namespace has neither', async () => {
    renderInTestApp(<ResourceQuotasCard namespace={namespaceFixture()} />);
    expect(
      screen.getByText(/No ResourceQuota in this namespace/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /No LimitRange in this namespace: a container that sets/,
      ),
    ).toBeInTheDocument();
  });
});
