import http from 'node:http';
import {
  ApisApi,
  ConfigurationOptions,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Observable,
  ObservableMiddleware,
  RequestContext,
  ResponseContext,
} from '@kubernetes/client-node';
import {
  RequestDescription,
  SupervisorDeadlineError,
  toSupervisorError,
} from './errors';

/** Per-call options of the generated API classes. */
export type CallOptions = ConfigurationOptions<ObservableMiddleware>;

/** The request without what the transport knows itself. */
export type CallDescription = Omit<
  RequestDescription,
  'supervisor' | 'url' | 'timeoutMs'
>;

/**
 * The Kubernetes API of one Supervisor: the library's typed clients plus a deadline, the caller's
 * AbortSignal, a shared keep-alive agent and error mapping on every call.
 */
export class SupervisorTransport {
  readonly core: CoreV1Api;
  readonly custom: CustomObjectsApi;
  readonly apis: ApisApi;

  constructor(
    readonly supervisor: string,
    readonly url: string,
    readonly kubeConfig: KubeConfig,
    private readonly agent: http.Agent,
    readonly timeoutMs: number,
  ) {
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.custom = kubeConfig.makeApiClient(CustomObjectsApi);
    this.apis = kubeConfig.makeApiClient(ApisApi);
  }

  describe(call: CallDescription): RequestDescription {
    return {
      ...call,
      supervisor: this.supervisor,
      url: this.url,
      timeoutMs: this.timeoutMs,
    };
  }

  async call<T>(
    call: CallDescription,
    signal: AbortSignal | undefined,
    send: (options: CallOptions) => Promise<T>,
  ): Promise<T> {
    signal?.throwIfAborted();
    const deadline = AbortSignal.timeout(this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    const middleware: ObservableMiddleware = {
      pre: (context: RequestContext) => {
        context.setSignal(combined);
        context.setAgent(this.agent);
        return new Observable(Promise.resolve(context));
      },
      post: (response: ResponseContext) =>
        new Observable(Promise.resolve(response)),
    };
    try {
      return await send({
        middleware: [middleware],
        middlewareMergeStrategy: 'append',
      });
    } catch (error) {
      // The caller's cancellation is theirs to handle, not a Supervisor failure.
      if (signal?.aborted) {
        throw signal.reason ?? error;
      }
      throw toSupervisorError(
        deadline.aborted ? new SupervisorDeadlineError() : error,
        this.describe(call),
      );
    }
  }

  /** Adds a header to a call's options, e.g. the Content-Type of a patch. */
  withHeader(options: CallOptions, name: string, value: string): CallOptions {
    const header: ObservableMiddleware = {
      pre: (context: RequestContext) => {
        context.setHeaderParam(name, value);
        return new Observable(Promise.resolve(context));
      },
      post: (response: ResponseContext) =>
        new Observable(Promise.resolve(response)),
    };
    return { ...options, middleware: [...(options.middleware ?? []), header] };
  }

  close(): void {
    this.agent.destroy();
  }
}
