import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { FactList } from './FactList';

describe('FactList', () => {
  it('shows each label with its value, and a dash for a missing one', async () => {
    renderInTestApp(
      <FactList
        facts={[
          { label: 'Version', value: 'v1.29.4' },
          { label: 'Class', value: undefined },
        ]}
      />,
    );
    expect(screen.getByText('Version')).toBeInTheDocument();
    expect(screen.getByText('v1.29.4')).toBeInTheDocument();
    expect(screen.getByText('Class')).toBeInTheDocument();
    expect(screen.getByText('—')).toBeInTheDocument();
  });
});
