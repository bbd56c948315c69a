import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { isTlsCertificateError } from '../errors/tlsCodes';
import { isObject, readArray, readString } from './wire';

/** What error messages may name about a vCenter: never a password, token or cookie. */
export interface VCenterTarget {
  name: string;
  /** Origin (plus path prefix) of the vCenter without any user info. */
  baseUrl: string;
  username: string;
  timeoutMs: number;
}

// Failures where nothing reached the server or the connection broke: safe to retry reads.
const RETRYABLE_CODES = new Set(['ECONNRESET', 'EPIPE', 'EAI_AGAIN']);

function errorCode(error: unknown): string | undefined {
  if (!isObject(error) && !(error instanceof Error)) {
    return undefined;
  }
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (typeof code === 'string') {
    return code;
  }
  return cause ? errorCode(cause) : undefined;
}

/** Whether a failed read may be sent again. */
export function isRetryableNetworkError(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && RETRYABLE_CODES.has(code);
}

/** The request took longer than the configured deadline. */
export function timeoutError(
  target: VCenterTarget,
  action: string,
  timeoutMs: number = target.timeoutMs,
): Error {
  return new ServiceUnavailableError(
    `vCenter '${target.name}' at ${target.baseUrl} did not answer within ${timeoutMs} ms while trying to ${action}`,
  );
}

/** The caller cancelled; keeps the signal's reason when it is an error. */
export function abortError(signal: AbortSignal): Error {
  if (signal.reason instanceof Error) {
    return signal.reason;
  }
  const error = new Error('The operation was aborted');
  error.name = 'AbortError';
  return error;
}

/**
 * Maps a transport failure to an error naming the vCenter; the original error is dropped
 * on purpose because HTTP client errors carry request headers with credentials.
 */
export function networkError(
  target: VCenterTarget,
  error: unknown,
  action: string,
): Error {
  const code = errorCode(error) ?? 'unknown error';
  const where = `vCenter '${target.name}' at ${target.baseUrl}`;
  if (isTlsCertificateError(code)) {
    return new ServiceUnavailableError(
      `TLS verification error: the certificate of ${where} could not be verified (${code}) while trying to ${action}; ` +
        `set caData or caFile of this vCenter to the CA certificate that signed it`,
    );
  }
  switch (code) {
    case 'ECONNREFUSED':
      return new ServiceUnavailableError(
        `${where} refused the connection while trying to ${action}; check that it is running and that the url is right`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ServiceUnavailableError(
        `The host of ${where} could not be resolved (${code}) while trying to ${action}`,
      );
    case 'ETIMEDOUT':
    case 'ECONNABORTED':
      return timeoutError(target, action);
    default:
      return new ServiceUnavailableError(
        `${where} could not be reached (${code}) while trying to ${action}`,
      );
  }
}

const rejectedLogins = new WeakSet<Error>();

/**
 * The rejected-login message, naming the user but never the password: a 503 for the caller,
 * since it is the portal's own account that was refused.
 */
export function credentialsRejected(target: VCenterTarget): Error {
  const error = new ServiceUnavailableError(
    `vCenter '${target.name}' rejected the login of the portal's service account '${target.username}'; an administrator of the portal must fix its username or password`,
  );
  rejectedLogins.add(error);
  return error;
}

/** Whether an error is a rejected login of the portal's account, after which logins back off. */
export function isRejectedLogin(error: unknown): boolean {
  return error instanceof Error && rejectedLogins.has(error);
}

/** An error as vCenter's REST APIs describe it. */
export interface VapiError {
  /** `error_type` on /api, the upper-cased last segment of `type` on /rest, e.g. NOT_FOUND. */
  errorType?: string;
  messages: string[];
}

/** Reads `{error_type, messages}` (/api) or `{type, value: {messages}}` (/rest); undefined for other bodies. */
export function parseVapiError(body: unknown): VapiError | undefined {
  if (!isObject(body)) {
    return undefined;
  }
  const apiType = readString(body, 'error_type', 'errorType');
  const restType = readString(body, 'type');
  if (!apiType && !restType?.startsWith('com.vmware.vapi.std.errors.')) {
    return undefined;
  }
  const errorType =
    apiType ?? restType?.split('.').pop()?.toUpperCase() ?? undefined;
  const holder = apiType ? body : body.value;
  const messages = readArray(holder, 'messages')
    .map(m => readString(m, 'default_message', 'defaultMessage'))
    .filter((m): m is string => Boolean(m));
  return { errorType, messages };
}

type ErrorClass = new (message: string) => Error;

const VAPI_ERROR_CLASSES: Record<string, ErrorClass> = {
  NOT_FOUND: NotFoundError,
  ALREADY_EXISTS: ConflictError,
  CONCURRENT_CHANGE: ConflictError,
  NOT_ALLOWED_IN_CURRENT_STATE: ConflictError,
  RESOURCE_IN_USE: ConflictError,
  RESOURCE_BUSY: ConflictError,
  INVALID_ARGUMENT: InputError,
  INVALID_REQUEST: InputError,
  INVALID_ELEMENT_TYPE: InputError,
  INVALID_ELEMENT_CONFIGURATION: InputError,
  OPERATION_NOT_FOUND: InputError,
  UNSUPPORTED: InputError,
  UNEXPECTED_INPUT: InputError,
  UNAUTHORIZED: NotAllowedError,
  UNAUTHENTICATED: AuthenticationError,
  SERVICE_UNAVAILABLE: ServiceUnavailableError,
  RESOURCE_INACCESSIBLE: ServiceUnavailableError,
  TIMED_OUT: ServiceUnavailableError,
  UNABLE_TO_ALLOCATE_RESOURCE: ServiceUnavailableError,
};

function classForStatus(status: number): ErrorClass {
  switch (status) {
    case 400:
    case 422:
      return InputError;
    case 401:
      return AuthenticationError;
    case 403:
      return NotAllowedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    default:
      return status >= 500 ? ServiceUnavailableError : Error;
  }
}

const DEFAULT_DETAIL: Record<string, string> = {
  NOT_FOUND: 'it does not exist',
  ALREADY_EXISTS: 'it already exists',
  UNAUTHORIZED: `the user lacks the privilege`,
  UNAUTHENTICATED: 'the session was not accepted',
};

const STATUS_DETAIL: Record<number, string> = {
  403: 'the user lacks the privilege',
  404: 'it does not exist',
};

/**
 * Maps a failed REST response to a Backstage error carrying vCenter's own message.
 * The response body is read for its error fields only; nothing else of it is kept.
 */
export function restError(
  target: VCenterTarget,
  status: number,
  body: unknown,
  action: string,
): Error {
  const vapi = parseVapiError(body);
  const errorType = vapi?.errorType;
  const ErrorType =
    (errorType && VAPI_ERROR_CLASSES[errorType]) || classForStatus(status);
  const detail =
    vapi?.messages.join('; ') ||
    (errorType && DEFAULT_DETAIL[errorType]) ||
    (STATUS_DETAIL[status]
      ? `${STATUS_DETAIL[status]} (HTTP ${status})`
      : '') ||
    `HTTP ${status}`;
  const suffix = errorType ? ` (${errorType})` : '';
  return refusedAsUnavailable(
    target,
    ErrorType,
    `vCenter '${target.name}' could not ${action}: ${detail}${suffix}`,
  );
}

/**
 * vCenter refusing the portal's own account is the portal's fault, not the caller's: it becomes
 * a 503 that says so, never the caller's own 401 or 403.
 */
function refusedAsUnavailable(
  target: VCenterTarget,
  ErrorType: ErrorClass,
  message: string,
): Error {
  if (ErrorType === AuthenticationError || ErrorType === NotAllowedError) {
    return new ServiceUnavailableError(
      `${message}; vCenter '${target.name}' refused the portal's service account '${target.username}', so an administrator of the portal must fix its credentials or privileges`,
    );
  }
  return new ErrorType(message);
}

/** A SOAP fault: its faultstring and the fault type from the detail, e.g. NotAuthenticated. */
export interface SoapFault {
  faultString: string;
  faultType?: string;
}

const SOAP_FAULT_CLASSES: Record<string, ErrorClass> = {
  NotAuthenticated: AuthenticationError,
  InvalidLogin: AuthenticationError,
  NoPermission: NotAllowedError,
  NotSupported: InputError,
  ManagedObjectNotFound: NotFoundError,
  NotFound: NotFoundError,
  InvalidArgument: InputError,
  InvalidProperty: InputError,
  InvalidRequest: InputError,
  InvalidType: InputError,
  MethodNotFound: InputError,
  AlreadyExists: ConflictError,
  DuplicateName: ConflictError,
  InvalidState: ConflictError,
  ConcurrentAccess: ConflictError,
  PbmNonExistentHubs: NotFoundError,
  PbmFaultProfileStorageFault: ServiceUnavailableError,
  RequestCanceled: ServiceUnavailableError,
  HostCommunication: ServiceUnavailableError,
};

/** Maps a SOAP fault; the fault detail is left out as it may name session-scoped objects. */
export function soapError(
  target: VCenterTarget,
  fault: SoapFault,
  action: string,
): Error {
  const ErrorType =
    (fault.faultType && SOAP_FAULT_CLASSES[fault.faultType]) || Error;
  const detail = fault.faultString || fault.faultType || 'SOAP fault';
  const suffix =
    fault.faultType && fault.faultString ? ` (${fault.faultType})` : '';
  return refusedAsUnavailable(
    target,
    ErrorType,
    `vCenter '${target.name}' could not ${action}: ${detail}${suffix}`,
  );
}
