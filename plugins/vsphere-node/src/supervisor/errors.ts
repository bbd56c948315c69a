import {
  ConflictError,
  CustomErrorBase,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { isTlsCertificateError, isTlsHandshakeError } from '../errors/tlsCodes';

/** What was being done when a request failed, so the error can say it. */
export interface RequestDescription {
  supervisor: string;
  url: string;
  timeoutMs: number;
  verb: 'list' | 'get' | 'watch' | 'create' | 'patch' | 'delete' | 'discover';
  /** e.g. `virtualmachines.vmoperator.vmware.com`. */
  resource: string;
  kind?: string;
  namespace?: string;
  name?: string;
}

/** A list's continue token expired (410 Gone); the list starts over. */
export class ResourceExpiredError extends CustomErrorBase {
  name = 'ResourceExpiredError' as const;
}

/** Thrown by the request layer when the client's own deadline ran out. */
export class SupervisorDeadlineError extends Error {
  name = 'SupervisorDeadlineError';
}

// marks 403s without a class of their own, so their name (and HTTP status) stays ServiceUnavailableError
const forbidden = new WeakSet<Error>();

/** Whether the Supervisor refused the portal's service account the request (403). */
export function isSupervisorForbidden(error: unknown): boolean {
  return error instanceof Error && forbidden.has(error);
}

function target(d: RequestDescription): string {
  const where = d.namespace ? ` in namespace '${d.namespace}'` : '';
  return d.name
    ? `${d.kind ?? d.resource} '${d.name}'${where}`
    : `${d.resource}${where}`;
}

/** The apiserver's Status message; bodies arrive parsed or as JSON text. */
function statusMessage(body: unknown): string | undefined {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  const message = (parsed as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && message ? message : undefined;
}

function httpError(
  status: number,
  body: unknown,
  d: RequestDescription,
): Error {
  const s = `Supervisor '${d.supervisor}'`;
  const detail = statusMessage(body);
  const suffix = detail ? `: ${detail}` : '';
  switch (status) {
    // the portal's own token was refused: a 503 for the caller, and no Status message, which names the service account
    case 401:
      return new ServiceUnavailableError(
        `${s} rejected the portal's service account token (401): it may be revoked or expired; an administrator of the portal must replace it`,
      );
    case 403: {
      const refused = new ServiceUnavailableError(
        `${s} does not allow the portal's service account to ${d.verb} ${target(
          d,
        )} (403); an administrator of the Supervisor must grant it`,
      );
      forbidden.add(refused);
      return refused;
    }
    case 404:
      return new NotFoundError(
        d.name
          ? `${target(d)} was not found on ${s}`
          : `${s} does not serve ${target(d)} (404)`,
      );
    case 410:
      return new ResourceExpiredError(
        `${s} expired the ${d.verb} of ${target(d)} (410)${suffix}`,
      );
    case 409:
      return new ConflictError(
        `${s} refused to ${d.verb} ${target(d)} (409)${suffix}`,
      );
    case 400:
    case 422:
      return new InputError(
        `${s} rejected ${d.verb} of ${target(d)} (${status})${suffix}`,
      );
    default:
      return status === 429 || status >= 500
        ? new ServiceUnavailableError(
            `${s} failed to ${d.verb} ${target(d)} (${status})${suffix}`,
          )
        : new Error(
            `${s} answered ${status} to ${d.verb} ${target(d)}${suffix}`,
          );
  }
}

/**
 * Maps what the Kubernetes client throws to `@backstage/errors` classes. Messages carry the
 * Supervisor, the request and the server's Status message; never headers, so never a token.
 */
export function toSupervisorError(
  error: unknown,
  d: RequestDescription,
): Error {
  // Already explained, e.g. an unreadable token file.
  if (error instanceof CustomErrorBase) {
    return error;
  }
  const err = error as {
    code?: unknown;
    body?: unknown;
    statusCode?: unknown;
    name?: string;
  };
  if (typeof err?.code === 'number') {
    return httpError(err.code, err.body, d);
  }
  if (typeof err?.statusCode === 'number') {
    return httpError(err.statusCode, undefined, d);
  }
  const s = `Supervisor '${d.supervisor}' at ${d.url}`;
  if (error instanceof SupervisorDeadlineError || err?.name === 'AbortError') {
    return new ServiceUnavailableError(
      `${s} did not answer ${d.verb} ${target(d)} within ${d.timeoutMs} ms`,
    );
  }
  const code = typeof err?.code === 'string' ? err.code : undefined;
  if (isTlsCertificateError(code) || isTlsHandshakeError(code)) {
    return new ServiceUnavailableError(
      `TLS verification of ${s} failed (${code}): check its CA (caData or caFile)`,
    );
  }
  if (code) {
    return new ServiceUnavailableError(
      `${s} is unreachable for ${d.verb} ${target(d)} (${code})`,
    );
  }
  return new ServiceUnavailableError(
    `${s} failed to ${d.verb} ${target(d)}: ${
      (error as Error)?.message ?? String(error)
    }`,
  );
}
