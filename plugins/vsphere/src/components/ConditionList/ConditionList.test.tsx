import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { ConditionList } from './ConditionList';

describe('ConditionList', () => {
  it('names true conditions and explains the others', async () => {
    renderInTestApp(
      <ConditionList
        conditions={[
          { type: 'Ready', status: 'True' },
          {
            type: 'MachinesReady',
            status: 'False',
            reason: 'WaitingForInfrastructure',
            message: '1 of 3 machines provisioning',
          },
          { type: 'Available', status: 'Unknown' },
        ]}
      />,
    );
    expect(screen.getByText('Ready')).toBeInTheDocument();
    expect(
      screen.getByText(
        'MachinesReady: WaitingForInfrastructure, 1 of 3 machines provisioning',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Available (Unknown)')).toBeInTheDocument();
    expect(screen.getByLabelText('Status warning')).toBeInTheDocument();
  });

  it('names a node pool that is not scaling without a warning', async () => {
    renderInTestApp(
      <ConditionList
        conditions={[
          { type: 'ScalingUp', status: 'False', reason: 'NotScalingUp' },
        ]}
      />,
    );
    expect(screen.getByText('ScalingUp')).toBeInTheDocument();
    expect(screen.queryByLabelText('Status warning')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Status ok')).toBeInTheDocument();
  });

  it('shows a dash when there are none', async () => {
    renderInTestApp(<ConditionList conditions={[]} />);
    expect(screen.getByText('—')).toBeInTheDocument();
  });
});
