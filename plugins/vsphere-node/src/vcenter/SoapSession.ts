import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { VCenterConfig } from '../config';
import { credentialsRejected, restError, soapError } from './errors';
import { HttpResponse, VCenterHttp } from './http';
import { LoginBackoff } from './LoginBackoff';
import { SessionHolder } from './SessionHolder';
import {
  MoRef,
  SoapResult,
  XmlChild,
  el,
  envelope,
  moRefEl,
  moRefOf,
  parseSoapResponse,
  returnvalOf,
  textEl,
} from './soapXml';
import { isObject } from './wire';

const COOKIE_NAME = 'vmware_soap_session';

const ENDPOINTS = {
  vim: { path: '/sdk', namespace: 'urn:vim25', soapAction: 'urn:vim25/7.0' },
  pbm: { path: '/pbm', namespace: 'urn:pbm', soapAction: 'urn:pbm' },
} as const;

/** The managed objects every vim25 session starts from. */
export interface ServiceContent {
  rootFolder: MoRef;
  propertyCollector: MoRef;
  viewManager: MoRef;
  sessionManager: MoRef;
}

interface SoapCookie {
  /** As received, for the Cookie header. */
  raw: string;
  /** Without quotes, for PBM's vcSessionCookie header. */
  value: string;
}

/** One SOAP operation on a managed object. */
export interface SoapCall {
  endpoint: keyof typeof ENDPOINTS;
  operation: string;
  target: MoRef;
  /** Parameters after `_this`, in schema order. */
  params?: XmlChild[];
  /** Reads that may be sent again after a broken connection. */
  idempotent: boolean;
  action: string;
  signal?: AbortSignal;
  /** Log in again and resend once when the session was lost; off for session-bound objects. */
  relogin?: boolean;
  /** This call's deadline instead of the configured one, e.g. for a long-poll. */
  timeoutMs?: number;
}

const SERVICE_INSTANCE: MoRef = {
  type: 'ServiceInstance',
  value: 'ServiceInstance',
};

function readCookie(response: HttpResponse): SoapCookie | undefined {
  const header = response.headers['set-cookie'];
  for (const line of Array.isArray(header) ? header : [header ?? '']) {
    const pair = line.split(';')[0];
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === COOKIE_NAME) {
      const raw = pair.slice(eq + 1).trim();
      const value =
        raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
      return value ? { raw, value } : undefined;
    }
  }
  return undefined;
}

/**
 * The vim25 SOAP session (SessionManager Login over `/sdk`, cookie `vmware_soap_session`), also
 * used for PBM; one cookie shared by all callers and replaced once on NotAuthenticated.
 */
export class SoapSession {
  private readonly holder: SessionHolder<SoapCookie>;
  private content?: Promise<ServiceContent>;
  private readonly lostSessionErrors = new WeakSet<Error>();

  constructor(
    private readonly http: VCenterHttp,
    private readonly config: VCenterConfig,
    private readonly logger: LoggerService,
    backoff: LoginBackoff = new LoginBackoff(),
  ) {
    this.holder = new SessionHolder<SoapCookie>(
      {
        login: () => backoff.login(() => this.login()),
        logout: cookie => this.logout(cookie),
      },
      config.name,
    );
  }

  /** The ServiceContent, fetched once per client (it needs no session). */
  serviceContent(): Promise<ServiceContent> {
    if (!this.content) {
      this.content = this.fetchServiceContent().catch(error => {
        this.content = undefined;
        throw error;
      });
    }
    return this.content;
  }

  /** Sends an operation in the session and returns its `returnval`. */
  async call(call: SoapCall): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      const cookie = await this.holder.get(call.signal);
      const result = await this.send(call, cookie);
      if (!result.fault) {
        return returnvalOf(result.response);
      }
      const error = soapError(this.http.target, result.fault, call.action);
      if (result.fault.faultType === 'NotAuthenticated') {
        this.holder.invalidate(cookie);
        if (attempt === 1 && call.relogin !== false) {
          this.logger.info(
            `vCenter '${this.config.name}': SOAP session expired, logging in again`,
          );
          continue;
        }
        this.lostSessionErrors.add(error);
      }
      throw error;
    }
  }

  /** Whether an error came from a session that expired, so the whole operation may start over. */
  wasSessionLost(error: unknown): boolean {
    return error instanceof Error && this.lostSessionErrors.has(error);
  }

  /** Logs out; later calls fail. Safe to call more than once. */
  close(): Promise<void> {
    return this.holder.close();
  }

  private async send(
    call: SoapCall,
    cookie?: SoapCookie,
  ): Promise<SoapResult & { httpResponse: HttpResponse }> {
    const endpoint = ENDPOINTS[call.endpoint];
    const operation = el(
      call.operation,
      { xmlns: endpoint.namespace },
      moRefEl('_this', call.target),
      call.params,
    );
    // PBM takes the vim session from a header element rather than the cookie.
    const header =
      cookie && call.endpoint === 'pbm'
        ? [textEl('vcSessionCookie', cookie.value)]
        : [];
    const headers: Record<string, string> = {
      'content-type': 'text/xml; charset=utf-8',
      soapaction: endpoint.soapAction,
    };
    if (cookie) {
      headers.cookie = `${COOKIE_NAME}=${cookie.raw}`;
    }
    const response = await this.http.send({
      method: 'POST',
      path: endpoint.path,
      headers,
      body: envelope(operation, header),
      idempotent: call.idempotent,
      action: call.action,
      signal: call.signal,
      timeoutMs: call.timeoutMs,
    });
    const result = parseSoapResponse(response.body, call.operation);
    if (!result) {
      if (response.status >= 400) {
        throw restError(
          this.http.target,
          response.status,
          undefined,
          call.action,
        );
      }
      throw new ServiceUnavailableError(
        `vCenter '${this.config.name}' did not answer with SOAP while trying to ${call.action}`,
      );
    }
    return { ...result, httpResponse: response };
  }

  private async fetchServiceContent(): Promise<ServiceContent> {
    const action = 'read the service content';
    const result = await this.send({
      endpoint: 'vim',
      operation: 'RetrieveServiceContent',
      target: SERVICE_INSTANCE,
      idempotent: true,
      action,
    });
    if (result.fault) {
      throw soapError(this.http.target, result.fault, action);
    }
    const content = returnvalOf(result.response);
    const ref = (key: string) => {
      const value = moRefOf(isObject(content) ? content[key] : undefined);
      if (!value) {
        throw new ServiceUnavailableError(
          `vCenter '${this.config.name}' sent a service content without ${key}`,
        );
      }
      return value;
    };
    return {
      rootFolder: ref('rootFolder'),
      propertyCollector: ref('propertyCollector'),
      viewManager: ref('viewManager'),
      sessionManager: ref('sessionManager'),
    };
  }

  private async login(): Promise<SoapCookie> {
    const { sessionManager } = await this.serviceContent();
    const result = await this.send({
      endpoint: 'vim',
      operation: 'Login',
      target: sessionManager,
      params: [
        textEl('userName', this.config.username),
        textEl('password', this.config.password),
      ],
      idempotent: false,
      action: 'log in',
    });
    if (result.fault) {
      if (result.fault.faultType === 'InvalidLogin') {
        throw credentialsRejected(this.http.target);
      }
      throw soapError(this.http.target, result.fault, 'log in');
    }
    const cookie = readCookie(result.httpResponse);
    if (!cookie) {
      throw new ServiceUnavailableError(
        `vCenter '${this.config.name}' answered the SOAP login without a session cookie`,
      );
    }
    this.logger.debug(
      `vCenter '${this.config.name}': SOAP login of '${this.config.username}'`,
    );
    return cookie;
  }

  private async logout(cookie: SoapCookie): Promise<void> {
    try {
      const { sessionManager } = await this.serviceContent();
      const result = await this.send(
        {
          endpoint: 'vim',
          operation: 'Logout',
          target: sessionManager,
          idempotent: false,
          action: 'log out',
        },
        cookie,
      );
      if (result.fault && result.fault.faultType !== 'NotAuthenticated') {
        throw soapError(this.http.target, result.fault, 'log out');
      }
      this.logger.debug(`vCenter '${this.config.name}': SOAP logout`);
    } catch (error) {
      this.logger.warn(
        `vCenter '${this.config.name}': SOAP logout failed: ${
          (error as Error).message
        }`,
      );
    }
  }
}
