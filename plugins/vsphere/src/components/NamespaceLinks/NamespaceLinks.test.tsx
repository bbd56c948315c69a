import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NamespaceLinks } from './NamespaceLinks';

const kubectlLogin =
  'kubectl vsphere login --server=10.0.0.2 --tanzu-kubernetes-cluster-namespace demo';

describe('NamespaceLinks', () => {
  it('links to the vSphere Client and copies the login command', async () => {
    // copy-to-clipboard copies through execCommand, which jsdom lacks.
    const execCommand = jest.fn(() => true);
    Object.assign(document, { execCommand });
    renderInTestApp(
      <NamespaceLinks
        links={{ vsphereClient: 'https://vc-east/ui/ns/demo', kubectlLogin }}
      />,
    );
    expect(
      screen.getByRole('link', { name: 'Open in the vSphere Client' }),
    ).toHaveAttribute('href', 'https://vc-east/ui/ns/demo');
    expect(screen.getByText(kubectlLogin)).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(
      screen.getByRole('button', {
        name: 'Copy the kubectl vsphere login command',
      }),
    );
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(
      await screen.findByText('Text copied to clipboard'),
    ).toBeInTheDocument();
  });

  it('renders nothing without links', async () => {
    renderInTestApp(<NamespaceLinks links={{}} />);
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
