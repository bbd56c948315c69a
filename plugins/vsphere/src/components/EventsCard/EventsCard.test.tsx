import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { overviewFixture } from '../../__testUtils__';
import { EventsCard } from './EventsCard';

describe('EventsCard', () => {
  it('shows type, reason, object, message and count, newest first', async () => {
    renderInTestApp(
      <EventsCard events={overviewFixture().events} namespace="demo" />,
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0]).getByText('BackOff')).toBeInTheDocument();
    expect(within(rows[0]).getByText('Warning')).toBeInTheDocument();
    expect(
      within(rows[0]).getByText('Machine/tkc-1-workers-def'),
    ).toBeInTheDocument();
    expect(
      within(rows[0]).getByText('Machine is not ready'),
    ).toBeInTheDocument();
    expect(within(rows[0]).getByText('3')).toBeInTheDocument();
    expect(
      within(rows[0]).getByText(
        new Date('2024-05-01T11:00:00Z').toLocaleString(),
      ),
    ).toBeInTheDocument();
    expect(within(rows[1]).getByText('Created')).toBeInTheDocument();
  });

  it('says there are no recent events', async () => {
    renderInTestApp(<EventsCard events={[]} namespace="demo" />);
    expect(
      screen.getByText(/No recent events in namespace demo/),
    ).toBeInTheDocument();
  });
});
