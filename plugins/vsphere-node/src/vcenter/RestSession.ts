import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { VCenterConfig } from '../config';
import { credentialsRejected, parseVapiError, restError } from './errors';
import { HttpRequest, HttpResponse, VCenterHttp } from './http';
import { LoginBackoff } from './LoginBackoff';
import { SessionHolder } from './SessionHolder';
import { readString } from './wire';

const SESSION_HEADER = 'vmware-api-session-id';
const API_SESSION_PATH = '/api/session';
const REST_SESSION_PATH = '/rest/com/vmware/cis/session';

interface RestToken {
  token: string;
  /** The session path it was created on, to log out the same way. */
  path: string;
}

/** One REST call; the session header is added by {@link RestSession.call}. */
export type RestCall = Omit<HttpRequest, 'headers'>;

/** Returned instead of throwing when a route does not exist on this vCenter version. */
export const ROUTE_MISSING = Symbol('route missing');

function parseJson(text: string): unknown {
  if (!text.trim()) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A 404 that is not a vAPI error: the server does not know the route at all. */
function isRouteMissing(response: HttpResponse): boolean {
  return response.status === 404 && !parseVapiError(parseJson(response.body));
}

/**
 * The vCenter REST session: `POST /api/session`, or `/rest/com/vmware/cis/session` where the
 * newer route is missing; one token shared by all callers and replaced once on 401.
 */
export class RestSession {
  private readonly holder: SessionHolder<RestToken>;

  constructor(
    private readonly http: VCenterHttp,
    private readonly config: VCenterConfig,
    private readonly logger: LoggerService,
    backoff: LoginBackoff = new LoginBackoff(),
  ) {
    this.holder = new SessionHolder<RestToken>(
      {
        login: () => backoff.login(() => this.login()),
        logout: token => this.logout(token),
      },
      config.name,
    );
  }

  /**
   * Sends a call with the session token and returns the parsed JSON body (undefined when empty).
   * With `allowRouteMissing`, a 404 without a vAPI error body yields {@link ROUTE_MISSING}.
   */
  async call(
    request: RestCall,
    options: { allowRouteMissing?: boolean } = {},
  ): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      const session = await this.holder.get(request.signal);
      const response = await this.http.send({
        ...request,
        headers: { [SESSION_HEADER]: session.token },
      });
      if (response.status === 401 && attempt === 1) {
        this.logger.info(
          `vCenter '${this.config.name}': REST session expired, logging in again`,
        );
        this.holder.invalidate(session);
        continue;
      }
      if (options.allowRouteMissing && isRouteMissing(response)) {
        return ROUTE_MISSING;
      }
      const body = parseJson(response.body);
      if (response.status >= 400) {
        throw restError(
          this.http.target,
          response.status,
          body,
          request.action,
        );
      }
      return body;
    }
  }

  /** Logs out; later calls fail. Safe to call more than once. */
  close(): Promise<void> {
    return this.holder.close();
  }

  private async login(): Promise<RestToken> {
    const basic = Buffer.from(
      `${this.config.username}:${this.config.password}`,
    ).toString('base64');
    for (const path of [API_SESSION_PATH, REST_SESSION_PATH]) {
      const response = await this.http.send({
        method: 'POST',
        path,
        headers: { authorization: `Basic ${basic}` },
        idempotent: false,
        action: 'log in',
      });
      if (path === API_SESSION_PATH && isRouteMissing(response)) {
        continue;
      }
      if (response.status === 401 || response.status === 403) {
        throw credentialsRejected(this.http.target);
      }
      const body = parseJson(response.body);
      if (response.status >= 400) {
        throw restError(this.http.target, response.status, body, 'log in');
      }
      // /api answers with a bare JSON string, /rest with {"value": token}.
      const token = typeof body === 'string' ? body : readString(body, 'value');
      if (!token) {
        throw new ServiceUnavailableError(
          `vCenter '${this.config.name}' answered the login on ${path} without a session token`,
        );
      }
      this.logger.debug(
        `vCenter '${this.config.name}': REST login of '${this.config.username}' via ${path}`,
      );
      return { token, path };
    }
    throw restError(this.http.target, 404, undefined, 'log in');
  }

  private async logout(session: RestToken): Promise<void> {
    try {
      const response = await this.http.send({
        method: 'DELETE',
        path: session.path,
        headers: { [SESSION_HEADER]: session.token },
        idempotent: false,
        action: 'log out',
      });
      if (response.status >= 400 && response.status !== 401) {
        throw restError(
          this.http.target,
          response.status,
          undefined,
          'log out',
        );
      }
      this.logger.debug(`vCenter '${this.config.name}': REST logout`);
    } catch (error) {
      this.logger.warn(
        `vCenter '${this.config.name}': REST logout failed: ${
          (error as Error).message
        }`,
      );
    }
  }
}
