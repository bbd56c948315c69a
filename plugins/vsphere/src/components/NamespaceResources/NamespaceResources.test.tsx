import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { namespaceFixture } from '../../__testUtils__';
import { NamespaceResources } from './NamespaceResources';

describe('NamespaceResources', () => {
  it('lists storage policies with limits, VM classes and content libraries', async () => {
    renderInTestApp(<NamespaceResources namespace={namespaceFixture()} />);
    expect(screen.getByText('vsan-default (limit 1 TiB)')).toBeInTheDocument();
    expect(screen.getByText('best-effort-small')).toBeInTheDocument();
    expect(screen.getByText('guaranteed-medium')).toBeInTheDocument();
    expect(screen.getByText('ubuntu-images')).toBeInTheDocument();
  });

  it('says what an empty list means', async () => {
    renderInTestApp(
      <NamespaceResources
        namespace={namespaceFixture({
          storagePolicies: [{ id: 'pol-9' }],
          vmClasses: [],
          contentLibraries: [],
        })}
      />,
    );
    expect(screen.getByText('pol-9')).toBeInTheDocument();
    expect(
      screen.getByText(/ask a vSphere admin to add one so VMs can be created/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/VM images come from the namespace's content libraries/),
    ).toBeInTheDocument();
  });

  it('shows the zones and library settings vCenter reports, and no zone row where it reports none', async () => {
    const first = renderInTestApp(
      <NamespaceResources
        namespace={namespaceFixture({
          zones: [{ name: 'zone-a', type: 'MANAGEMENT' }, { name: 'zone-b' }],
          contentLibraries: [
            { id: 'lib-1', name: 'team-uploads', writable: true },
          ],
        })}
      />,
    );
    const zones = screen.getByRole('grid', { name: 'Zones' });
    expect(zones).toHaveTextContent('zone-a (management)');
    expect(zones).toHaveTextContent('zone-b');
    expect(screen.getByText('team-uploads (writable)')).toBeInTheDocument();

    first.unmount();

    const none = renderInTestApp(
      <NamespaceResources namespace={namespaceFixture({ zones: [] })} />,
    );
    expect(
      screen.getByText(/Not placed in a vSphere zone/),
    ).toBeInTheDocument();
    none.unmount();

    renderInTestApp(<NamespaceResources namespace={namespaceFixture()} />);
    expect(screen.queryByText('Zones')).not.toBeInTheDocument();
  });
});
