import http from 'node:http';
import { AddressInfo } from 'node:net';

/** One request the stub received. */
export interface StubRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body?: any;
}

/** What a route answers; `hang` never answers, `stream` writes watch lines and ends. */
export type StubReply =
  | { status: number; body?: unknown }
  | { hang: true }
  | { stream: unknown[] };

export type StubRoute = (request: StubRequest) => StubReply | undefined;

/**
 * A plain-HTTP stand-in for a Kubernetes API server for unit tests: routes by method and path,
 * records every request. Integration tests use the real kube-apiserver of the testenv instead.
 */
export async function startStubApiServer(routes: Record<string, StubRoute>) {
  const requests: StubRequest[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', chunk => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stub');
      const request: StubRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: raw ? JSON.parse(raw) : undefined,
      };
      requests.push(request);
      const route = routes[`${request.method} ${request.path}`];
      const reply = route?.(request) ?? {
        status: 404,
        body: { kind: 'Status', message: `no route for ${request.path}` },
      };
      if ('hang' in reply) {
        return;
      }
      if ('stream' in reply) {
        res.writeHead(200, { 'content-type': 'application/json' });
        for (const line of reply.stream) {
          res.write(`${JSON.stringify(line)}\n`);
        }
        res.end();
        return;
      }
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The `GET /apis` answer of a Supervisor serving the given versions. */
export function apiGroupList(groups: Record<string, string[]>) {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: Object.entries(groups).map(([name, versions]) => ({
      name,
      versions: versions.map(version => ({
        groupVersion: `${name}/${version}`,
        version,
      })),
      preferredVersion: {
        groupVersion: `${name}/${versions[0]}`,
        version: versions[0],
      },
    })),
  };
}
