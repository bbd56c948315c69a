import { mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { VsphereTaskNotifier } from './VsphereTaskNotifier';
import { withNotifications } from './withNotifications';

const ALICE = 'user:default/alice';

function setup(
  handler: (ctx: any) => Promise<void>,
  data: object = { app: { baseUrl: 'http://portal' } },
) {
  const send = jest.fn(async () => {});
  const notifier = VsphereTaskNotifier.fromConfig(
    mockServices.rootConfig({ data }),
    {
      notifications: { send },
      catalog: catalogServiceMock({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Resource',
            metadata: { name: 'demo', namespace: 'default' },
            spec: { type: 'vsphere-namespace', owner: 'group:default/team-a' },
          },
        ],
      }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    },
  );
  const action = createTemplateAction({
    id: 'vsphere:nodepool:scale',
    supportsDryRun: true,
    handler,
  });
  return { send, notifier, action };
}

const ctx = (extra: object = {}) => ({
  ...createMockActionContext({
    input: { namespace: 'demo', cluster: 'web', name: 'workers' },
  }),
  task: { id: 't-1' },
  user: { ref: ALICE },
  ...extra,
});

describe('withNotifications', () => {
  it('tells the initiator and the owning team when the run completes', async () => {
    const { send, notifier, action } = setup(async c => {
      c.output('entityRef', 'resource:default/demo');
    });
    await withNotifications(action, notifier!).handler(ctx() as any);

    expect(send).toHaveBeenCalledTimes(2);
    const [[toAlice], [toTeam]] = send.mock.calls as any;
    expect(toAlice.recipients).toEqual({ type: 'entity', entityRef: ALICE });
    expect(toAlice.payload).toMatchObject({
      title: "vSphere node pool 'demo/web/workers' scaled",
      link: '/catalog/default/resource/demo',
      severity: 'normal',
      topic: 'vsphere-provisioning',
    });
    expect(toAlice.payload.description).toBe(
      'Finished in 0 s.\nCatalog: http://portal/catalog/default/resource/demo\nTask: http://portal/create/tasks/t-1',
    );
    expect(toTeam.recipients).toEqual({
      type: 'entity',
      entityRef: 'group:default/team-a',
      excludeEntityRef: ALICE,
    });
  });

  it('names a safe error and hides unexpected ones', async () => {
    const failing = setup(async () => {
      throw new InputError('replicas: must be 0 to 100');
    });
    await expect(
      withNotifications(failing.action, failing.notifier!).handler(
        ctx() as any,
      ),
    ).rejects.toThrow('replicas');
    expect((failing.send.mock.calls[0] as any)[0].payload).toMatchObject({
      title: "vSphere node pool 'demo/web/workers': scale failed",
      description:
        'Failed after 0 s: replicas: must be 0 to 100\nTask: http://portal/create/tasks/t-1',
      link: '/create/tasks/t-1',
      severity: 'high',
    });

    const crashing = setup(async () => {
      throw new Error('connect ECONNREFUSED token=abc123');
    });
    await expect(
      withNotifications(crashing.action, crashing.notifier!).handler(
        ctx() as any,
      ),
    ).rejects.toThrow();
    const text = JSON.stringify(crashing.send.mock.calls);
    expect(text).not.toContain('abc123');
    expect(text).toContain('an unexpected error; the task log has the details');
  });

  it('sends one cancelled notification as soon as the task is aborted', async () => {
    const controller = new AbortController();
    let finish!: () => void;
    const { send, notifier, action } = setup(
      () => new Promise<void>(resolve => (finish = resolve)),
    );
    const run = withNotifications(action, notifier!).handler(
      ctx({ signal: controller.signal }) as any,
    );
    controller.abort();
    await new Promise(r => setImmediate(r));
    expect(send).toHaveBeenCalledTimes(1);
    expect((send.mock.calls[0] as any)[0].payload.title).toBe(
      "vSphere node pool 'demo/web/workers': scale cancelled",
    );
    finish();
    await run;
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('stays silent in dry runs and when turned off', async () => {
    const { send, notifier, action } = setup(async () => {});
    await withNotifications(action, notifier!).handler(
      ctx({ isDryRun: true }) as any,
    );
    expect(send).not.toHaveBeenCalled();
    expect(
      setup(async () => {}, {
        vsphere: { scaffolder: { notifications: { enabled: false } } },
      }).notifier,
    ).toBeUndefined();
  });
});
