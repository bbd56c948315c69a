import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { ROUTE_MISSING, RestSession } from './RestSession';
import { STUB_PASSWORD, STUB_URL, stubHttp } from './__testUtils__/stubConfig';

const server = setupServer();
registerMswTestHooks(server);

function session() {
  const { config, logger, http: transport } = stubHttp();
  return new RestSession(transport, config, logger);
}

const list = {
  method: 'GET' as const,
  path: '/api/vcenter/namespaces/instances',
  idempotent: true,
  action: 'list Supervisor namespaces',
};

describe('RestSession', () => {
  it('logs in with Basic auth on /api/session and sends the token', async () => {
    const seen: string[] = [];
    server.use(
      http.post(`${STUB_URL}/api/session`, ({ request }) => {
        const basic = Buffer.from(
          `svc@vsphere.local:${STUB_PASSWORD}`,
        ).toString('base64');
        expect(request.headers.get('authorization')).toBe(`Basic ${basic}`);
        return HttpResponse.json('token-1', { status: 201 });
      }),
      http.get(`${STUB_URL}${list.path}`, ({ request }) => {
        seen.push(request.headers.get('vmware-api-session-id')!);
        return HttpResponse.json([{ namespace: 'demo' }]);
      }),
      http.delete(`${STUB_URL}/api/session`, ({ request }) => {
        seen.push(`logout ${request.headers.get('vmware-api-session-id')}`);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const rest = session();
    await expect(rest.call(list)).resolves.toEqual([{ namespace: 'demo' }]);
    await rest.close();
    await rest.close();
    expect(seen).toEqual(['token-1', 'logout token-1']);
  });

  it('falls back to /rest/com/vmware/cis/session when /api/session is missing', async () => {
    const calls: string[] = [];
    server.use(
      http.post(`${STUB_URL}/api/session`, () => {
        calls.push('POST /api/session');
        return new HttpResponse('404 page not found', { status: 404 });
      }),
      http.post(`${STUB_URL}/rest/com/vmware/cis/session`, () => {
        calls.push('POST /rest');
        return HttpResponse.json({ value: 'old-token' });
      }),
      http.get(`${STUB_URL}${list.path}`, ({ request }) => {
        calls.push(`GET ${request.headers.get('vmware-api-session-id')}`);
        return HttpResponse.json([]);
      }),
      http.delete(`${STUB_URL}/rest/com/vmware/cis/session`, () => {
        calls.push('DELETE /rest');
        return new HttpResponse(null, { status: 200 });
      }),
    );
    const rest = session();
    await rest.call(list);
    await rest.close();
    expect(calls).toEqual([
      'POST /api/session',
      'POST /rest',
      'GET old-token',
      'DELETE /rest',
    ]);
  });

  it('logs in once for concurrent callers and once more after a 401', async () => {
    let logins = 0;
    server.use(
      http.post(`${STUB_URL}/api/session`, () => {
        logins++;
        return HttpResponse.json(`token-${logins}`, { status: 201 });
      }),
      http.get(`${STUB_URL}${list.path}`, ({ request }) =>
        request.headers.get('vmware-api-session-id') === 'token-1'
          ? HttpResponse.json(
              { error_type: 'UNAUTHENTICATED', messages: [] },
              { status: 401 },
            )
          : HttpResponse.json([]),
      ),
    );
    const rest = session();
    await Promise.all(Array.from({ length: 20 }, () => rest.call(list)));
    expect(logins).toBe(2);
  });

  it('names rejected credentials without the password', async () => {
    server.use(
      http.post(`${STUB_URL}/api/session`, () =>
        HttpResponse.json(
          { error_type: 'UNAUTHENTICATED', messages: [] },
          { status: 401 },
        ),
      ),
    );
    const error = await session()
      .call(list)
      .then(
        () => new Error('expected a failure'),
        (e: Error) => e,
      );
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toBe(
      "vCenter 'stub' rejected the login of the portal's service account 'svc@vsphere.local'; an administrator of the portal must fix its username or password",
    );
    expect(JSON.stringify(error) + String(error)).not.toContain(STUB_PASSWORD);
  });

  it('retries reads on 503 but never a create', async () => {
    let reads = 0;
    let creates = 0;
    server.use(
      http.post(`${STUB_URL}/api/session`, () =>
        HttpResponse.json('t', { status: 201 }),
      ),
      http.get(`${STUB_URL}${list.path}`, () => {
        reads++;
        return reads < 3
          ? new HttpResponse('busy', { status: 503 })
          : HttpResponse.json([]);
      }),
      http.post(`${STUB_URL}${list.path}`, () => {
        creates++;
        return new HttpResponse('busy', { status: 503 });
      }),
    );
    const rest = session();
    await expect(rest.call(list)).resolves.toEqual([]);
    expect(reads).toBe(3);
    await expect(
      rest.call({
        ...list,
        method: 'POST',
        body: { namespace: 'x' },
        idempotent: false,
        action: "create Supervisor namespace 'x'",
      }),
    ).rejects.toThrow(
      "vCenter 'stub' could not create Supervisor namespace 'x': HTTP 503",
    );
    expect(creates).toBe(1);
  });

  it('tells a missing route from a missing object', async () => {
    server.use(
      http.post(`${STUB_URL}/api/session`, () =>
        HttpResponse.json('t', { status: 201 }),
      ),
      http.get(`${STUB_URL}/api/content/library`, () =>
        HttpResponse.text('404 page not found', { status: 404 }),
      ),
      http.get(`${STUB_URL}/api/content/library/nope`, () =>
        HttpResponse.json(
          {
            error_type: 'NOT_FOUND',
            messages: [{ id: 'x', default_message: 'Library nope not found' }],
          },
          { status: 404 },
        ),
      ),
    );
    const rest = session();
    const read = (path: string) =>
      rest.call(
        { method: 'GET', path, idempotent: true, action: 'read' },
        { allowRouteMissing: true },
      );
    await expect(read('/api/content/library')).resolves.toBe(ROUTE_MISSING);
    await expect(read('/api/content/library/nope')).rejects.toMatchObject({
      name: 'NotFoundError',
      message:
        "vCenter 'stub' could not read: Library nope not found (NOT_FOUND)",
    });
  });

  it('stops waiting when the caller aborts', async () => {
    server.use(
      http.post(`${STUB_URL}/api/session`, () =>
        HttpResponse.json('t', { status: 201 }),
      ),
      http.get(`${STUB_URL}${list.path}`, async () => {
        await new Promise(resolve => setTimeout(resolve, 1000));
        return HttpResponse.json([]);
      }),
    );
    const controller = new AbortController();
    const call = session().call({ ...list, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('caller gave up')), 50);
    await expect(call).rejects.toThrow('caller gave up');
  });
});
