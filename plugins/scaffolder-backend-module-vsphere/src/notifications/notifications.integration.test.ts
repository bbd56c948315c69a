import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  NotificationService,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { JsonObject } from '@backstage/types';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import request from 'supertest';
import {
  CheckpointStore,
  testenvActionOptions,
  testenvClients,
  uniqueName,
} from '../__testUtils__/testenv';
import { createVsphereActions } from '../actions';
import { VsphereTaskNotifier } from './VsphereTaskNotifier';

jest.setTimeout(120_000);

const { clients } = testenvClients();
const created: string[] = [];

// alice starts the tasks; bob is the other member of the owning team
const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';
const teamA = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-a', namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: [
    { type: 'hasMember', targetRef: ALICE },
    { type: 'hasMember', targetRef: BOB },
  ],
};

/** The notifications backend on the test backend's database, and the service our module uses. */
async function startNotificationsBackend() {
  let service: NotificationService | undefined;
  let deps: { auth: any; logger: any; catalog: any } | undefined;
  const probe = createBackendPlugin({
    pluginId: 'probe',
    register(reg) {
      reg.registerInit({
        deps: {
          notifications: notificationService,
          auth: coreServices.auth,
          logger: coreServices.logger,
          catalog: catalogServiceRef,
        },
        async init({ notifications, ...rest }) {
          service = notifications;
          deps = rest;
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      notificationsPlugin,
      catalogServiceMock.factory({ entities: [teamA as any] }),
      mockServices.rootConfig.factory({
        data: { app: { baseUrl: 'http://portal.test' } },
      }),
      probe,
    ],
  });
  return { backend, service: service!, deps: deps! };
}

async function notificationsOf(server: any, user: string) {
  const res = await request(server)
    .get('/api/notifications/notifications')
    .set('Authorization', mockCredentials.user.header(user));
  expect(res.status).toBe(200);
  return res.body.notifications as Array<{
    payload: {
      title: string;
      description: string;
      link: string;
      severity: string;
    };
  }>;
}

function run(
  action: TemplateAction<any, any, any>,
  input: JsonObject,
  taskId: string,
) {
  const ctx = createMockActionContext({ input });
  return action.handler({
    ...ctx,
    task: { id: taskId },
    user: { ref: ALICE },
    checkpoint: new CheckpointStore().checkpoint,
  } as any);
}

afterAll(async () => {
  const vc = clients.vcenter();
  await Promise.allSettled(created.map(n => vc.deleteNamespace(n)));
  await clients.close();
});

describe('notifications of vSphere action runs', () => {
  it('stores a notification for a completed and for a failed run', async () => {
    const { backend, service, deps } = await startNotificationsBackend();
    try {
      const { options } = testenvActionOptions(clients);
      const notifier = VsphereTaskNotifier.fromConfig(
        mockServices.rootConfig({
          data: { app: { baseUrl: 'http://portal.test' } },
        }),
        { notifications: service, ...deps },
      )!;
      const actions = createVsphereActions({ ...options, notifier });
      const byId = (id: string) => actions.find(a => a.id === id)!;

      const name = uniqueName('it-notify');
      created.push(name);
      await run(
        byId('vsphere:namespace:create'),
        { name, owner: 'group:default/team-a' },
        'task-ok',
      );
      await expect(
        run(
          byId('vsphere:namespace:update'),
          { name: uniqueName('it-missing'), description: 'nothing here' },
          'task-failed',
        ),
      ).rejects.toThrow();

      const alice = await notificationsOf(backend.server, ALICE);
      const completed = alice.find(n =>
        n.payload.link.includes(`/catalog/default/resource/`),
      );
      expect(completed?.payload.title).toBe(
        `vSphere Supervisor namespace '${name}' created`,
      );
      expect(completed?.payload.description).toMatch(
        /^Finished in \d+ s\.\nCatalog: http:\/\/portal\.test\/catalog\/default\/resource\/.+\nTask: http:\/\/portal\.test\/create\/tasks\/task-ok$/,
      );

      const failed = alice.find(
        n => n.payload.link === '/create/tasks/task-failed',
      );
      expect(failed?.payload.severity).toBe('high');
      expect(failed?.payload.title).toMatch(/: update failed$/);
      expect(failed?.payload.description).toMatch(
        /^Failed after \d+ s: .*name/,
      );

      // the owning team's other member hears of the created namespace, not of alice's failed update
      const bob = await notificationsOf(backend.server, BOB);
      expect(bob.map(n => n.payload.title)).toEqual([
        `vSphere Supervisor namespace '${name}' created`,
      ]);
    } finally {
      await backend.stop();
    }
  });
});
