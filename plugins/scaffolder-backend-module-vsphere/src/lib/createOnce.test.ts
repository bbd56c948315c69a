import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { createOnce } from './createOnce';

describe('createOnce', () => {
  const event = { success: jest.fn(), fail: jest.fn() };
  const auditor = mockServices.auditor.mock({
    createEvent: jest.fn(async () => event),
  });

  /** A task context whose checkpoints persist across runs, as the task store's do. */
  function context(isDryRun = false) {
    const stored = new Map<string, JsonObject>();
    const logger = mockServices.logger.mock();
    return {
      isDryRun,
      logger,
      lines: () => logger.info.mock.calls.map(c => c[0]),
      checkpoint: async <T extends JsonObject>(o: {
        key: string;
        fn: () => Promise<T>;
      }) => {
        if (!stored.has(o.key)) stored.set(o.key, await o.fn());
        return stored.get(o.key) as T;
      },
    };
  }

  function options(ctx: ReturnType<typeof context>, existing?: object) {
    return {
      ctx,
      what: `VM 'web-1'`,
      summary: `VM 'web-1' in namespace 'demo'`,
      checkpointKey: 'vsphere.vm.create.vc.sv.demo.web-1',
      findExisting: jest.fn(async () => existing),
      auditor,
      audit: { eventId: 'vm-create', meta: { vm: 'web-1' } },
      create: jest.fn(async () => undefined),
    };
  }

  beforeEach(() => jest.clearAllMocks());

  it('creates once, audited, and not again when the task is retried', async () => {
    const ctx = context();
    const first = options(ctx);
    await expect(createOnce(first)).resolves.toEqual({
      dryRun: false,
      created: true,
    });
    await expect(createOnce(first)).resolves.toEqual({
      dryRun: false,
      created: true,
    });
    expect(first.create).toHaveBeenCalledTimes(1);
    expect(event.success).toHaveBeenCalledTimes(1);
    expect(ctx.lines()).toEqual([`Creating VM 'web-1' in namespace 'demo'`]);
  });

  it('leaves an object that exists as asked alone, with no audit event', async () => {
    const ctx = context();
    const run = options(ctx, { name: 'web-1' });
    await expect(createOnce(run)).resolves.toEqual({
      dryRun: false,
      created: false,
    });
    expect(run.create).not.toHaveBeenCalled();
    expect(auditor.createEvent).not.toHaveBeenCalled();
    expect(ctx.lines()).toEqual([
      `VM 'web-1' already exists as asked; not creating it again`,
    ]);
  });

  it('says in a dry run what it would do and changes nothing', async () => {
    const ctx = context(true);
    const run = options(ctx);
    await expect(createOnce(run)).resolves.toEqual({
      dryRun: true,
      existing: undefined,
    });
    expect(run.create).not.toHaveBeenCalled();
    expect(ctx.lines()).toEqual([
      `Dry run: would create VM 'web-1' in namespace 'demo'`,
    ]);
  });
});
