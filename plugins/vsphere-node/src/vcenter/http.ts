import https from 'node:https';
import axios, { AxiosInstance, AxiosResponseHeaders } from 'axios';
import { LoggerService } from '@backstage/backend-plugin-api';
import { VCenterConfig } from '../config';
import {
  VCenterTarget,
  abortError,
  isRetryableNetworkError,
  networkError,
  timeoutError,
} from './errors';

/** One HTTP request to a vCenter. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Reads that may be sent again after a broken connection or a 502/503/504. */
  idempotent: boolean;
  /** What the request does, for error messages, e.g. "list Supervisor namespaces". */
  action: string;
  signal?: AbortSignal;
  /** This request's deadline instead of the configured one, e.g. for a long-poll. */
  timeoutMs?: number;
}

/** A response of any status; the body is left as text for the caller to parse. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const RETRY_STATUSES = new Set([502, 503, 504]);
const MAX_ATTEMPTS = 3;
const BACKOFF_BASE_MS = 200;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    let timer: NodeJS.Timeout | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Carries a mapped transport error that a read may retry. */
class RetryableFailure extends Error {
  constructor(readonly mapped: Error) {
    super(mapped.message);
  }
}

/** The base URL without user info, so it is safe to put into messages. */
export function safeBaseUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
}

/**
 * The transport to one vCenter: keep-alive TLS connections verified against the configured CA,
 * a deadline and an optional caller signal on every request, retries with backoff for reads only.
 * It never throws the HTTP client's own errors, which carry request headers with credentials.
 */
export class VCenterHttp {
  readonly target: VCenterTarget;
  private readonly agent: https.Agent;
  private readonly axios: AxiosInstance;

  constructor(config: VCenterConfig, private readonly logger: LoggerService) {
    this.target = {
      name: config.name,
      baseUrl: safeBaseUrl(config.url),
      username: config.username,
      timeoutMs: config.requestTimeoutMs,
    };
    this.agent = new https.Agent({
      keepAlive: true,
      maxSockets: 16,
      ca: config.caData,
      rejectUnauthorized: !config.skipTLSVerify,
    });
    this.axios = axios.create({
      baseURL: this.target.baseUrl,
      httpsAgent: this.agent,
      maxRedirects: 0,
      // Shows up in vCenter's session list, so admins can tell whose sessions these are.
      headers: { 'user-agent': 'backstage-plugin-vsphere' },
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
    });
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const attempts = request.idempotent ? MAX_ATTEMPTS : 1;
    for (let attempt = 1; ; attempt++) {
      let failure: Error;
      try {
        const response = await this.sendOnce(request);
        if (attempt >= attempts || !RETRY_STATUSES.has(response.status)) {
          return response;
        }
        failure = new Error(`HTTP ${response.status}`);
      } catch (error) {
        if (!(error instanceof RetryableFailure) || attempt >= attempts) {
          throw error instanceof RetryableFailure ? error.mapped : error;
        }
        failure = error.mapped;
      }
      const delay = BACKOFF_BASE_MS * 2 ** (attempt - 1) * (1 + Math.random());
      this.logger.warn(
        `vCenter '${this.target.name}': retrying to ${
          request.action
        } in ${Math.round(delay)} ms after: ${failure.message}`,
      );
      await sleep(delay, request.signal);
    }
  }

  private async sendOnce(request: HttpRequest): Promise<HttpResponse> {
    const timeoutMs = request.timeoutMs ?? this.target.timeoutMs;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = request.signal
      ? AbortSignal.any([request.signal, deadline])
      : deadline;
    try {
      const response = await this.axios.request<string>({
        method: request.method,
        url: request.path,
        params: request.query,
        headers: request.headers,
        data: request.body,
        signal,
      });
      return {
        status: response.status,
        headers: flattenHeaders(response.headers as AxiosResponseHeaders),
        body: typeof response.data === 'string' ? response.data : '',
      };
    } catch (error) {
      if (request.signal?.aborted) {
        throw abortError(request.signal);
      }
      if (deadline.aborted) {
        throw timeoutError(this.target, request.action, timeoutMs);
      }
      const mapped = networkError(
        { ...this.target, timeoutMs },
        error,
        request.action,
      );
      throw isRetryableNetworkError(error)
        ? new RetryableFailure(mapped)
        : mapped;
    }
  }

  /** Closes idle keep-alive connections. */
  destroy(): void {
    this.agent.destroy();
  }
}

function flattenHeaders(
  headers: AxiosResponseHeaders,
): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[] | undefined> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (Array.isArray(value)) {
      out[key.toLowerCase()] = value.map(String);
    } else if (value !== undefined && value !== null) {
      out[key.toLowerCase()] = String(value);
    }
  }
  return out;
}
