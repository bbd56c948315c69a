import fs from 'node:fs';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { SupervisorClient } from './SupervisorClient';
import { toSupervisorLimitRange } from './namespaces';
import { KubeObject } from './objects';
import {
  eventually,
  testenvSupervisorClient,
  uniqueName,
} from './__testUtils__/testenvSupervisor';
import { TestenvInfo } from '../testUtils';

jest.setTimeout(60_000);

describe('SupervisorClient against the testenv: namespaces, quotas, limit ranges, events', () => {
  let client: SupervisorClient;
  let env: TestenvInfo;

  beforeAll(() => {
    ({ env, client } = testenvSupervisorClient());
  });

  afterAll(() => client?.close());

  it('lists and gets Supervisor namespaces', async () => {
    const namespaces = await client.listNamespaces();
    expect(namespaces.map(n => n.name)).toEqual(
      expect.arrayContaining(['demo', 'team-a']),
    );
    await expect(client.getNamespace('demo')).resolves.toMatchObject({
      name: 'demo',
      phase: 'Active',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('reads the namespace limits vCenter writes as a ResourceQuota', async () => {
    const quotas = await client.listResourceQuotas('demo');
    expect(quotas).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'demo-storagequota',
          namespace: 'demo',
          hard: expect.objectContaining({
            'limits.cpu': '20',
            'limits.memory': '64Gi',
            'k8s-gold.storageclass.storage.k8s.io/requests.storage': '100Gi',
          }),
        }),
      ]),
    );
  });

  it('reads a LimitRange alike from a list and from a watch', async () => {
    const admin = new KubeConfig();
    admin.loadFromString(
      fs.readFileSync(env.supervisor.adminKubeconfig, 'utf8'),
    );
    const core = admin.makeApiClient(CoreV1Api);
    const name = uniqueName('it-limits');
    const seen: KubeObject[] = [];
    const watch = await client.watch(
      'LimitRange',
      event => {
        if (event.object.metadata.name === name) seen.push(event.object);
      },
      { namespace: 'team-a' },
    );
    try {
      await core.createNamespacedLimitRange({
        namespace: 'team-a',
        body: {
          metadata: { name, namespace: 'team-a' },
          spec: {
            limits: [
              {
                type: 'Container',
                _default: { cpu: '1', memory: '1Gi' },
                defaultRequest: { cpu: '100m', memory: '512Mi' },
                max: { memory: '2Gi' },
              },
            ],
          },
        },
      });
      const expected = {
        name,
        namespace: 'team-a',
        limits: [
          {
            type: 'Container',
            default: { cpu: '1', memory: '1Gi' },
            defaultRequest: { cpu: '100m', memory: '512Mi' },
            min: {},
            max: { memory: '2Gi' },
            maxLimitRequestRatio: {},
          },
        ],
      };
      const listed = await client.listLimitRanges('team-a');
      expect(listed.find(r => r.name === name)).toEqual(expected);
      // created after the watch started, so it arrives as a watch event in the wire form
      const [watched] = await eventually(
        async () => seen,
        s => s.length > 0,
        20_000,
      );
      expect(toSupervisorLimitRange(watched)).toEqual(expected);
    } finally {
      await watch.stop();
      await core
        .deleteNamespacedLimitRange({ name, namespace: 'team-a' })
        .catch(() => {});
    }
  });

  it("reads events, newest first and filtered to one object's", async () => {
    // Events come from controllers; an admin writes two here so the test knows what to expect.
    const admin = new KubeConfig();
    admin.loadFromString(
      fs.readFileSync(env.supervisor.adminKubeconfig, 'utf8'),
    );
    const core = admin.makeApiClient(CoreV1Api);
    const object = uniqueName('it-event-target');
    const names = [uniqueName('it-event-old'), uniqueName('it-event-new')];
    const times = ['2026-01-01T10:00:00Z', '2026-01-01T11:00:00Z'];
    await Promise.all(
      names.map((name, i) =>
        core.createNamespacedEvent({
          namespace: 'demo',
          body: {
            metadata: { name, namespace: 'demo' },
            involvedObject: {
              kind: 'VirtualMachine',
              name: object,
              namespace: 'demo',
              apiVersion: 'vmoperator.vmware.com/v1alpha5',
            },
            type: i === 0 ? 'Normal' : 'Warning',
            reason: i === 0 ? 'Created' : 'PowerOnFailed',
            message: `event ${i}`,
            count: i + 1,
            firstTimestamp: new Date(times[i]),
            lastTimestamp: new Date(times[i]),
            source: { component: 'integration-test' },
          },
        }),
      ),
    );
    try {
      const events = await client.listEvents('demo', {
        involvedObject: { kind: 'VirtualMachine', name: object },
      });
      expect(events).toEqual([
        {
          name: names[1],
          namespace: 'demo',
          type: 'Warning',
          reason: 'PowerOnFailed',
          message: 'event 1',
          count: 2,
          involvedObject: {
            kind: 'VirtualMachine',
            name: object,
            apiVersion: 'vmoperator.vmware.com/v1alpha5',
          },
          firstSeen: '2026-01-01T11:00:00.000Z',
          lastSeen: '2026-01-01T11:00:00.000Z',
        },
        expect.objectContaining({ name: names[0], reason: 'Created' }),
      ]);
    } finally {
      await Promise.all(
        names.map(name =>
          core
            .deleteNamespacedEvent({ name, namespace: 'demo' })
            .catch(() => {}),
        ),
      );
    }
  });
});
