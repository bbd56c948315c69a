import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { VsphereApi, vsphereApiRef } from '../../api';
import { VsphereEntityContent } from './VsphereEntityContent';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', annotations },
  spec: { type: 'service', owner: 'team-a' },
});

const vcEast = {
  name: 'vc-east',
  clientBaseUrl: 'https://vc-east/ui',
  supervisors: [{ name: 'sv-1', cluster: 'domain-c8' }],
};

function render(api: Partial<VsphereApi>, annotations: Record<string, string>) {
  return renderInTestApp(
    <TestApiProvider apis={[[vsphereApiRef, api]]}>
      <EntityProvider entity={entity(annotations)}>
        <VsphereEntityContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('VsphereEntityContent', () => {
  it('shows the namespace and its vCenter', async () => {
    render(
      { listVCenters: async () => [vcEast] },
      { 'vsphere.vmware.com/supervisor-namespace': 'demo' },
    );
    expect(await screen.findByText('demo')).toBeInTheDocument();
    expect(screen.getByText('vc-east')).toBeInTheDocument();
    expect(screen.getByText('sv-1')).toBeInTheDocument();
  });

  it('names the unknown vCenter and the configured ones', async () => {
    render(
      { listVCenters: async () => [vcEast] },
      {
        'vsphere.vmware.com/supervisor-namespace': 'demo',
        'vsphere.vmware.com/vcenter': 'vc-west',
      },
    );
    expect(
      await screen.findByText(
        /The vCenter 'vc-west' named by vsphere.vmware.com\/vcenter is not configured. Configured vCenters: vc-east./,
      ),
    ).toBeInTheDocument();
  });

  it('tells how to add the annotation when it is missing', async () => {
    render({ listVCenters: async () => [vcEast] }, {});
    expect(
      await screen.findByText(
        /Add the annotation vsphere.vmware.com\/supervisor-namespace/,
      ),
    ).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'ServiceUnavailableError', message: 'vCenter down' },
        response: { statusCode: 503 },
      }),
      { status: 503, headers: { 'content-type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    render(
      { listVCenters: () => Promise.reject(error) },
      { 'vsphere.vmware.com/supervisor-namespace': 'demo' },
    );
    expect(await screen.findByText(/vCenter down/)).toBeInTheDocument();
  });
});
