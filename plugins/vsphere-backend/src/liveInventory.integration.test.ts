import { Entity } from '@backstage/catalog-model';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityOverview } from '@backstage-vsphere/plugin-vsphere-common';
import {
  loadTestenv,
  recorderPosition,
  readRequestsBesidesFeed,
  testenvGovc,
  testenvKubectl,
  testenvPid,
  testenvVsphereConfig,
} from '@backstage-vsphere/plugin-vsphere-node/testUtils';
import request from 'supertest';
import { vspherePlugin } from './plugin';

// pausing the simulator and waiting for the deadline takes a while
jest.setTimeout(90_000);

const env = loadTestenv();
const VCENTER_MAX_WAIT_S = 2;
/** The long-poll plus its grace: a silent vCenter must be shown stale within this. */
const VCENTER_DEADLINE_MS = VCENTER_MAX_WAIT_S * 1000 + 5_000;

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'demo-live',
    namespace: 'default',
    annotations: {
      'vsphere.vmware.com/supervisor-namespace': 'demo',
      'vsphere.vmware.com/vcenter': env.vcenter.name,
    },
  },
  spec: { type: 'service', owner: 'guests' },
};

const FIRST_READ_DEADLINE_MS = 3_000;

let server: any;

function startBackend() {
  return startTestBackend({
    features: [
      vspherePlugin,
      catalogServiceMock.factory({ entities: [entity] }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.rootConfig.factory({
        data: {
          vsphere: {
            sourceDeadline: `${FIRST_READ_DEADLINE_MS}ms`,
            // a TTL far longer than the test: whatever shows up came through a watch
            cacheTtl: '1h',
            inventory: { vcenterMaxWait: `${VCENTER_MAX_WAIT_S}s` },
            ...testenvVsphereConfig(env),
          },
        },
      }),
    ],
  });
}

beforeAll(async () => {
  ({ server } = await startBackend());
});

async function overview(of = server): Promise<EntityOverview> {
  const res = await request(of).get(
    '/api/vsphere/entities/default/component/demo-live/overview',
  );
  expect(res.status).toBe(200);
  return res.body;
}

/** Reads the overview until `done`, and returns how long that took. */
async function timeUntil(
  done: (body: EntityOverview) => boolean,
  timeoutMs: number,
): Promise<{ body: EntityOverview; ms: number }> {
  const started = Date.now();
  for (;;) {
    const body = await overview();
    if (done(body) || Date.now() - started > timeoutMs) {
      return { body, ms: Date.now() - started };
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

function source(body: EntityOverview, prefix: string) {
  return body.sources.find(s => s.source.startsWith(prefix));
}

describe('the live inventory against testenv', () => {
  it('serves warm views from the snapshot with no upstream request', async () => {
    const first = await timeUntil(
      b => b.sources.every(s => s.state === 'live') && b.vms.length > 0,
      20_000,
    );
    expect(first.body.errors).toEqual([]);
    const before = recorderPosition(env);
    await Promise.all(Array.from({ length: 20 }, () => overview()));
    // the feed's own long-polls are the only requests vCenter sees meanwhile
    expect(readRequestsBesidesFeed(env, before).map(r => r.operation)).toEqual(
      [],
    );
  });

  // how fast is measured in bench/ (freshness); here: it arrives, long before any TTL or periodic read
  it('shows a label set with kubectl without a cache expiring', async () => {
    const { body } = await timeUntil(b => b.vms.length > 0, 20_000);
    const vm = body.vms[0];
    const value = `v${Date.now()}`;
    testenvKubectl(
      env,
      'label',
      'virtualmachine',
      '-n',
      'demo',
      vm.name,
      `live-test=${value}`,
      '--overwrite',
    );
    try {
      const seen = await timeUntil(
        b => b.vms.find(v => v.name === vm.name)?.labels['live-test'] === value,
        10_000,
      );
      expect(
        seen.body.vms.find(v => v.name === vm.name)?.labels['live-test'],
      ).toBe(value);
    } finally {
      testenvKubectl(
        env,
        'label',
        'virtualmachine',
        '-n',
        'demo',
        vm.name,
        'live-test-',
      );
    }
  });

  it('answers a page that asks again with 304 until its namespace changes', async () => {
    const path = '/api/vsphere/entities/default/component/demo-live/overview';
    const { body } = await timeUntil(
      b => b.sources.every(s => s.state === 'live') && b.vms.length > 0,
      20_000,
    );
    // an earlier test's change may still arrive: ask until the view holds still
    const started = Date.now();
    let first = await request(server).get(path);
    let again = await request(server)
      .get(path)
      .set('If-None-Match', first.headers.etag);
    while (again.status !== 304 && Date.now() - started < 10_000) {
      first = again;
      again = await request(server)
        .get(path)
        .set('If-None-Match', first.headers.etag);
    }
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(again.status).toBe(304);
    expect(again.text).toBe('');

    const vm = body.vms[0];
    const label = (value: string) =>
      testenvKubectl(
        env,
        'label',
        'virtualmachine',
        '-n',
        'demo',
        vm.name,
        value,
        '--overwrite',
      );
    label(`etag-test=${Date.now()}`);
    try {
      const labelledAt = Date.now();
      let changed = again;
      while (changed.status === 304 && Date.now() - labelledAt < 10_000) {
        await new Promise(resolve => setTimeout(resolve, 100));
        changed = await request(server).get(path).set('If-None-Match', etag);
      }
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
      expect(
        changed.body.vms.find((v: { name: string }) => v.name === vm.name)
          ?.labels['etag-test'],
      ).toBeDefined();
      expect(changed.body.allowed).toEqual(first.body.allowed);
    } finally {
      label('etag-test-');
    }
  });

  it('shows a VM powered off with govc, and on again', async () => {
    const { body } = await timeUntil(
      b => b.vms.some(v => v.vcenterVm?.powerState === 'poweredOn'),
      20_000,
    );
    const vm = body.vms.find(v => v.vcenterVm?.powerState === 'poweredOn')!;
    const vmPath = testenvGovc(
      env,
      'find',
      '/',
      '-type',
      'm',
      '-name',
      vm.vcenterVm!.name,
    ).trim();
    const powerOf = (b: EntityOverview) =>
      b.vms.find(v => v.name === vm.name)?.vcenterVm?.powerState;
    testenvGovc(env, 'vm.power', '-off', '-force', vmPath);
    try {
      const off = await timeUntil(b => powerOf(b) === 'poweredOff', 10_000);
      expect(powerOf(off.body)).toBe('poweredOff');
    } finally {
      testenvGovc(env, 'vm.power', '-on', vmPath);
    }
    const on = await timeUntil(b => powerOf(b) === 'poweredOn', 10_000);
    expect(powerOf(on.body)).toBe('poweredOn');
  });

  it('marks vCenter stale within its deadline when the simulator stops, keeps the Supervisor live, and recovers', async () => {
    await timeUntil(b => b.sources.every(s => s.state === 'live'), 20_000);
    const pid = testenvPid(env, 'vcsim');
    const stoppedAt = Date.now();
    process.kill(pid, 'SIGSTOP');
    let stale: { body: EntityOverview; ms: number };
    let staleAfterMs: number;
    try {
      stale = await timeUntil(
        b => source(b, 'vcenter:')?.state === 'stale',
        VCENTER_DEADLINE_MS + 5_000,
      );
      staleAfterMs = Date.now() - stoppedAt;
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    expect(source(stale.body, 'vcenter:')).toMatchObject({
      state: 'stale',
      reason: expect.stringMatching(/no update or keep-alive|did not answer/),
    });
    expect(staleAfterMs).toBeLessThan(VCENTER_DEADLINE_MS + 1_500);
    // the error panel names it too, and the Supervisor's data is still live
    expect(stale.body.errors).toEqual([
      expect.objectContaining({
        source: `vcenter:${env.vcenter.name}`,
        name: 'StaleSourceError',
      }),
    ]);
    expect(source(stale.body, 'supervisor:')?.state).toBe('live');
    expect(stale.body.vms.length).toBeGreaterThan(0);

    const recovered = await timeUntil(
      b => source(b, 'vcenter:')?.state === 'live',
      30_000,
    );
    expect(source(recovered.body, 'vcenter:')?.state).toBe('live');
    expect(recovered.body.errors).toEqual([]);
  });

  it('makes only the first views wait while vCenter cannot answer at start-up', async () => {
    const pid = testenvPid(env, 'vcsim');
    process.kill(pid, 'SIGSTOP');
    const fresh = await startBackend().catch(error => {
      process.kill(pid, 'SIGCONT');
      throw error;
    });
    try {
      const firstAt = Date.now();
      const first = await overview(fresh.server);
      const firstMs = Date.now() - firstAt;
      const laterAt = Date.now();
      const later = await overview(fresh.server);
      const laterMs = Date.now() - laterAt;

      expect(firstMs).toBeGreaterThanOrEqual(FIRST_READ_DEADLINE_MS - 100);
      // the deadline passed once; the next page shows what there is at once
      expect(laterMs).toBeLessThan(FIRST_READ_DEADLINE_MS / 2);
      for (const body of [first, later]) {
        expect(source(body, 'vcenter:')?.state).not.toBe('live');
        expect(body.errors).toContainEqual(
          expect.objectContaining({ source: `vcenter:${env.vcenter.name}` }),
        );
        expect(body.vms.length).toBeGreaterThan(0);
      }
    } finally {
      process.kill(pid, 'SIGCONT');
      await fresh.stop();
    }
  });
});
