import yaml from 'yaml';
import { validate } from 'jsonschema';
import { InputError } from '@backstage/errors';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { JsonObject, JsonValue } from '@backstage/types';
import {
  VsphereChangeAuthorizer,
  VsphereClients,
  readVsphereConfig,
} from '@backstage-vsphere/plugin-vsphere-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  RecordedRequest,
  TestenvInfo,
  ingestedEntityFor,
  objectOfTestenvRef,
  loadTestenv,
  readRecordedRequests,
  recorderPosition,
  testenvSupervisors,
  testenvVsphereConfig,
} from '@backstage-vsphere/plugin-vsphere-node/testUtils';
import { VsphereActionOptions } from '../actions';

/**
 * The shared testenv and clients for one test file; close them in afterAll. `bothSupervisors`
 * configures the vCenter with both of the testenv's Supervisors, so actions must name one.
 */
export function testenvClients(options: { bothSupervisors?: boolean } = {}): {
  env: TestenvInfo;
  clients: VsphereClients;
} {
  const env = loadTestenv();
  const vsphere = testenvVsphereConfig(
    env,
    options.bothSupervisors ? { supervisors: testenvSupervisors(env) } : {},
  );
  const clients = new VsphereClients(
    readVsphereConfig(new ConfigReader({ vsphere })),
    mockServices.logger.mock(),
  );
  return { env, clients };
}

/** Action options on the testenv with allowing permissions, a recording auditor and events. */
export function testenvActionOptions(clients: VsphereClients) {
  const authorize = jest.fn(
    async (requests: unknown[]) =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })) as Array<{
        result: AuthorizeResult;
      }>,
  );
  const permissions = mockServices.permissions.mock({
    authorize: authorize as any,
  });
  const auditEvent = { success: jest.fn(), fail: jest.fn() };
  const auditor = mockServices.auditor.mock({
    createEvent: jest.fn(async () => auditEvent),
  });
  const events = { publish: jest.fn(async () => {}), subscribe: jest.fn() };
  const catalog = catalogServiceMock.mock({
    // these tests are about what reaches vCenter and the Supervisor: every object counts as ingested
    getEntityByRef: jest.fn(async (ref: unknown) =>
      ingestedEntityFor(
        objectOfTestenvRef(String(ref), clients.configs[0].name),
        clients.configs[0],
      ),
    ) as any,
  });
  const authorizer = new VsphereChangeAuthorizer({
    catalog,
    permissions,
    vcenters: clients.configs,
  });
  const options: VsphereActionOptions = {
    clients,
    permissions,
    authorizer,
    auditor,
    events,
    pollIntervalMs: 250,
  };
  return { options, authorize, auditor, auditEvent, events };
}

/** A name no other run uses: lower-case, so it is a valid DNS label. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random()
    .toString(36)
    .slice(2, 6)}`;
}

/** Checkpoints kept across runs, as the task store keeps them across a recovered task. */
export class CheckpointStore {
  readonly values = new Map<string, JsonValue>();
  /** Throws after the first checkpoint's function ran, before it is stored: a crash mid-step. */
  crashBeforeStore = false;
  /** Throws after the first checkpoint is stored: a crash right after the step's change. */
  crashAfterStore = false;

  checkpoint = async <T extends JsonValue | void>(opts: {
    key: string;
    fn: () => Promise<T> | T;
  }): Promise<T> => {
    if (this.values.has(opts.key)) {
      return this.values.get(opts.key) as T;
    }
    const value = await opts.fn();
    if (this.crashBeforeStore) {
      throw new Error('simulated crash before the checkpoint was stored');
    }
    this.values.set(opts.key, (value ?? {}) as JsonValue);
    if (this.crashAfterStore) {
      throw new Error('simulated crash after the checkpoint was stored');
    }
    return value;
  };
}

/** The lines an action logged, for assertions on progress and on leaks. */
export function recordingLogger(onLog?: (line: string) => void) {
  const lines: string[] = [];
  const logger = mockServices.logger.mock();
  for (const level of ['info', 'warn', 'error', 'debug'] as const) {
    (logger[level] as jest.Mock).mockImplementation((message: string) => {
      lines.push(`${level}: ${message}`);
      onLog?.(`${level}: ${message}`);
    });
  }
  return { logger, lines };
}

/** Checks the input against the action's schema, as the scaffolder's task runner does first. */
function checkSchema(action: TemplateAction<any, any, any>, input: JsonObject) {
  const schema = action.schema?.input;
  const result = schema ? validate(input, schema) : undefined;
  if (result && !result.valid) {
    throw new InputError(
      `Invalid input passed to action ${action.id}, ${result.errors.join(
        ', ',
      )}`,
    );
  }
}

/** Runs an action's handler as the scaffolder would, and collects its outputs. */
export async function runAction(
  action: TemplateAction<any, any, any>,
  input: JsonObject,
  options: {
    isDryRun?: boolean;
    signal?: AbortSignal;
    checkpoints?: CheckpointStore;
    /** Sees each log line as it is written, e.g. to cancel at a point of the run. */
    onLog?: (line: string) => void;
  } = {},
) {
  const { logger, lines } = recordingLogger(options.onLog);
  const outputs: Record<string, JsonValue> = {};
  const ctx = createMockActionContext({ input, logger: logger as any });
  const checkpoints = options.checkpoints ?? new CheckpointStore();
  checkSchema(action, input);
  await action.handler({
    ...ctx,
    isDryRun: options.isDryRun,
    signal: options.signal,
    checkpoint: checkpoints.checkpoint,
    output: (name: string, value: JsonValue) => {
      outputs[name] = value;
    },
  } as any);
  return { outputs, lines };
}

/** Runs an action expecting it to fail; resolves with the error and the log. */
export async function runActionFailing(
  action: TemplateAction<any, any, any>,
  input: JsonObject,
  options: Parameters<typeof runAction>[2] = {},
): Promise<{ error: Error; lines: string[] }> {
  const { logger, lines } = recordingLogger(options.onLog);
  const ctx = createMockActionContext({ input, logger: logger as any });
  const checkpoints = options.checkpoints ?? new CheckpointStore();
  try {
    checkSchema(action, input);
    await action.handler({
      ...ctx,
      isDryRun: options.isDryRun,
      signal: options.signal,
      checkpoint: checkpoints.checkpoint,
    } as any);
  } catch (error) {
    return { error: error as Error, lines };
  }
  throw new Error(
    `expected ${action.id} to fail with input ${JSON.stringify(input)}`,
  );
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Mutating vCenter API requests since a recorder position that concern `token` (by path or
 * body), so parallel suites' requests on the shared simulator do not interfere.
 */
export function mutatingRequests(
  env: TestenvInfo,
  since: number,
  token: string,
): RecordedRequest[] {
  return readRecordedRequests(env, since).filter(
    r =>
      MUTATING.has(r.method) &&
      (r.path.startsWith('/api/') || r.path.startsWith('/rest/')) &&
      !r.path.endsWith('/session') &&
      `${r.path} ${JSON.stringify(r.body ?? null)}`.includes(token),
  );
}

export { readRecordedRequests, recorderPosition };

/** Polls until `check` passes (or throws its last failure after the timeout). */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) {
      return value;
    }
    if (Date.now() > end) {
      throw new Error(
        `not reached in ${timeoutMs} ms: ${JSON.stringify(value)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

/** A Cluster API cluster in `demo` with one ready pool `workers`, for node pool tests. */
export async function readyCluster(
  clients: VsphereClients,
  name: string,
): Promise<void> {
  const supervisor = clients.supervisor();
  await supervisor.applyCluster({
    name,
    namespace: 'demo',
    clusterClass: 'tanzukubernetescluster',
    version: 'v1.33.3+vmware.1-fips',
    vmClass: 'best-effort-small',
    storageClass: 'vsan-default-storage-policy',
    nodePools: [{ name: 'workers', replicas: 1 }],
  });
  await eventually(
    () => supervisor.getWorkloadCluster('demo', name),
    c =>
      c.controlPlaneReady === true &&
      c.nodePools.every(p => p.readyReplicas === p.desiredReplicas),
  );
}

/** The input of each documented example's first step. */
export function exampleInputs(
  examples: Array<{ description: string; example: string }>,
): Array<[string, JsonObject]> {
  return examples.map(e => [
    e.description,
    yaml.parse(e.example).steps[0].input as JsonObject,
  ]);
}
