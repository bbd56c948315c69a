import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { overviewFixture } from '../../__testUtils__';
import { OverviewHeader } from './OverviewHeader';

describe('OverviewHeader', () => {
  it('names the sources and the read time, and refreshes on request', async () => {
    const onRefresh = jest.fn();
    renderInTestApp(
      <OverviewHeader
        overview={overviewFixture()}
        loading={false}
        onRefresh={onRefresh}
      />,
    );
    expect(
      screen.getByText(
        `vCenter vc-east, Supervisor sv-1 · read at ${new Date(
          '2024-05-01T11:05:00Z',
        ).toLocaleString()}`,
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(onRefresh).toHaveBeenCalled();
  });
});
