import { ReactNode } from 'react';
import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { VsphereApi, vsphereApiRef } from '../api';
import { entityFixture } from './fixtures';

// the insight cards load on their own: left pending unless a test stubs them
const pending = () => new Promise<never>(() => {});
const insightDefaults: Partial<VsphereApi> = {
  getCapacity: pending,
  getPlacement: pending,
  getPerf: pending,
};

/** Renders inside a test app with a stubbed vSphere API and, optionally, an entity. */
export function renderWithApi(
  element: ReactNode,
  api: Partial<VsphereApi>,
  entity: Entity | undefined = entityFixture(),
) {
  return renderInTestApp(
    <TestApiProvider apis={[[vsphereApiRef, { ...insightDefaults, ...api }]]}>
      {entity ? (
        <EntityProvider entity={entity}>{element}</EntityProvider>
      ) : (
        element
      )}
    </TestApiProvider>,
  );
}

/** The error the client throws for a backend answer with this status. */
export async function responseError(
  statusCode: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  const response = new Response(
    JSON.stringify({ error: { name, message }, response: { statusCode } }),
    { status: statusCode, headers: { 'content-type': 'application/json' } },
  );
  return ResponseError.fromResponse(response);
}
