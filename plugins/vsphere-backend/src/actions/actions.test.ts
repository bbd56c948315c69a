import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  EntityOverview,
  VmServiceVm,
  WorkloadCluster,
} from '@backstage-vsphere/plugin-vsphere-common';
import { ZodError } from 'zod/v3';
import {
  EntityPage,
  VsphereEntityService,
} from '../service/VsphereEntityService';
import { registerVsphereActions } from '.';

const user = mockCredentials.user('user:default/jane');
const page = {
  entityRef: 'resource:default/demo',
  credentials: user,
} as unknown as EntityPage;

const vm: VmServiceVm = {
  name: 'web-01',
  namespace: 'demo',
  className: 'best-effort-small',
  powerState: 'PoweredOn',
  primaryIP4: '10.244.0.20',
  conditions: [],
  labels: {},
};
const cluster: WorkloadCluster = {
  name: 'demo-cluster',
  namespace: 'demo',
  kind: 'Cluster',
  phase: 'Provisioned',
  version: 'v1.30.1',
  conditions: [],
  nodePools: [
    {
      name: 'np-1',
      desiredReplicas: 3,
      readyReplicas: 2,
      vmClass: 'best-effort-small',
      conditions: [],
      machines: [],
    },
  ],
};
const overview = {
  entityRef: 'resource:default/demo',
  vcenter: 'testenv',
  namespace: {
    name: 'demo',
    configStatus: 'RUNNING',
    quota: {
      cpu: { used: 1000, limit: 4000, unit: 'MHz' },
      memory: { used: 2048, unit: 'MiB' },
      storage: { used: 512, limit: 1024, unit: 'MiB' },
    },
    storagePolicies: [{ name: 'gold', limitMiB: 1024 }],
    vmClasses: ['best-effort-small'],
    resourceQuotas: [],
  },
  vms: [vm],
  clusters: [cluster],
  events: [],
  links: {},
  allowed: { scaleClusters: [], powerVms: [] },
  errors: [],
  sources: [],
  fetchedAt: '2026-01-01T00:00:00.000Z',
} as unknown as EntityOverview;

/** The routes' service, stubbed: the actions only adapt its answers and errors. */
function setup() {
  const service = {
    parseEntityRef: jest.fn((ref: string) => {
      const [kind, rest] = ref.split(':');
      const [namespace, name] = rest.split('/');
      return { kind, namespace, name };
    }),
    resolvePage: jest.fn(async () => page),
    resolveNamespacePage: jest.fn(async () => ({
      ...page,
      target: { namespace: 'demo' },
    })),
    overview: jest.fn(async () => overview),
    requireOptionsRead: jest.fn(async () => {}),
    listOptions: jest.fn(async () => [{ value: 'demo', label: 'demo' }]),
    scaleNodePool: jest.fn(async () => cluster),
    powerVm: jest.fn(async () => vm),
  };
  const registry = actionsRegistryServiceMock();
  registerVsphereActions(registry, service as unknown as VsphereEntityService);
  const invoke = (
    name: string,
    input: object,
    credentials: BackstageCredentials = user,
  ) =>
    registry.invoke({
      id: `test:${name}`,
      input: { ...input },
      credentials,
    });
  return { service, registry, invoke };
}

/** The fields a schema error names, as an MCP client gets them in the error's cause. */
async function rejectedFields(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (e: Error) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  const cause = (error as InputError).cause;
  expect(cause).toBeInstanceOf(ZodError);
  return (cause as ZodError).issues.map(i => i.path.join('.')).sort();
}

describe('vSphere actions', () => {
  it('marks reads readOnly and changes destructive, idempotent only where a repeat changes nothing', async () => {
    const { registry } = setup();
    const { actions } = await registry.list();
    expect(
      Object.fromEntries(
        actions
          .map(a => [a.name, a.attributes])
          .sort(([a], [b]) => String(a).localeCompare(String(b))),
      ),
    ).toEqual({
      'get-entity-overview': {
        readOnly: true,
        destructive: false,
        idempotent: true,
      },
      'get-namespace-quota': {
        readOnly: true,
        destructive: false,
        idempotent: true,
      },
      'list-namespace-resources': {
        readOnly: true,
        destructive: false,
        idempotent: true,
      },
      'list-picker-options': {
        readOnly: true,
        destructive: false,
        idempotent: true,
      },
      'power-vm': { readOnly: false, destructive: true, idempotent: false },
      'scale-node-pool': {
        readOnly: false,
        destructive: true,
        idempotent: true,
      },
    });
  });

  it('rejects bad input naming each field, before the service is asked', async () => {
    const { service, invoke } = setup();
    await expect(
      rejectedFields(
        invoke('scale-node-pool', {
          entityRef: 'resource:default/demo',
          cluster: 'Demo_Cluster',
          nodePool: 'np-1',
          replicas: -1,
        }),
      ),
    ).resolves.toEqual(['cluster', 'replicas']);
    await expect(
      rejectedFields(
        invoke('power-vm', {
          entityRef: '',
          vm: 'web-01',
          action: 'suspend',
        }),
      ),
    ).resolves.toEqual(['action', 'entityRef']);
    await expect(
      rejectedFields(invoke('list-picker-options', { kind: 'hosts' })),
    ).resolves.toEqual(['kind']);
    await expect(
      rejectedFields(invoke('get-namespace-quota', { namespace: 'Demo' })),
    ).resolves.toEqual(['namespace']);
    expect(service.scaleNodePool).not.toHaveBeenCalled();
    expect(service.powerVm).not.toHaveBeenCalled();
    expect(service.listOptions).not.toHaveBeenCalled();
    expect(service.resolveNamespacePage).not.toHaveBeenCalled();
  });

  it('says why a DNS label is refused', async () => {
    const { invoke } = setup();
    const error = await invoke('list-namespace-resources', {
      namespace: 'Demo',
    }).catch(e => e);
    expect((error.cause as ZodError).issues[0].message).toBe(
      "not a DNS-1123 label: use lower-case letters, digits and '-', starting and ending with a letter or digit",
    );
  });

  it("passes the service's permission denial through as NotAllowedError, for reads and changes", async () => {
    const { service, invoke } = setup();
    service.overview.mockRejectedValue(
      new NotAllowedError(
        'Not allowed to view the vSphere resources of resource:default/demo',
      ),
    );
    service.scaleNodePool.mockRejectedValue(
      new NotAllowedError(
        "Not allowed to scale node pool 'np-1' of cluster 'demo-cluster'",
      ),
    );
    service.requireOptionsRead.mockRejectedValue(
      new NotAllowedError('Not allowed to list vSphere options'),
    );
    const read = invoke('get-entity-overview', {
      entityRef: 'resource:default/demo',
    });
    await expect(read).rejects.toThrow(NotAllowedError);
    await expect(read).rejects.toThrow(
      'Not allowed to view the vSphere resources of resource:default/demo',
    );
    const scale = invoke('scale-node-pool', {
      entityRef: 'resource:default/demo',
      cluster: 'demo-cluster',
      nodePool: 'np-1',
      replicas: 5,
    });
    await expect(scale).rejects.toThrow(NotAllowedError);
    await expect(scale).rejects.toThrow(
      "Not allowed to scale node pool 'np-1' of cluster 'demo-cluster'",
    );
    await expect(
      invoke('list-picker-options', { kind: 'namespaces' }),
    ).rejects.toThrow(
      new NotAllowedError('Not allowed to list vSphere options'),
    );
    expect(service.listOptions).not.toHaveBeenCalled();
  });

  it('refuses changes without a signed-in user, before the service is asked', async () => {
    const { service, invoke } = setup();
    const change = invoke(
      'power-vm',
      { entityRef: 'resource:default/demo', vm: 'web-01', action: 'off' },
      mockCredentials.service('plugin:mcp-actions'),
    );
    await expect(change).rejects.toThrow(NotAllowedError);
    await expect(change).rejects.toThrow(
      "Not allowed to power off VM 'web-01': changes need a signed-in user's credentials, so that the permission policy decides on the user",
    );
    expect(service.resolvePage).not.toHaveBeenCalled();
    expect(service.powerVm).not.toHaveBeenCalled();
  });

  it("changes with the caller's credentials and answers with the changed object's state", async () => {
    const { service, invoke } = setup();
    await expect(
      invoke('scale-node-pool', {
        entityRef: 'resource:default/demo',
        cluster: 'demo-cluster',
        nodePool: 'np-1',
        replicas: 3,
      }),
    ).resolves.toEqual({
      output: {
        cluster: {
          name: 'demo-cluster',
          phase: 'Provisioned',
          version: 'v1.30.1',
          nodePools: [
            {
              name: 'np-1',
              desiredReplicas: 3,
              readyReplicas: 2,
              vmClass: 'best-effort-small',
            },
          ],
        },
      },
    });
    expect(service.resolvePage).toHaveBeenCalledWith(
      { kind: 'resource', namespace: 'default', name: 'demo' },
      user,
    );
    expect(service.scaleNodePool).toHaveBeenCalledWith(page, {
      cluster: 'demo-cluster',
      nodePool: 'np-1',
      replicas: 3,
    });
    await expect(
      invoke('power-vm', {
        entityRef: 'resource:default/demo',
        vm: 'web-01',
        action: 'restart',
      }),
    ).resolves.toEqual({
      output: {
        vm: {
          name: 'web-01',
          powerState: 'PoweredOn',
          className: 'best-effort-small',
          ipAddress: '10.244.0.20',
          clusterNode: false,
        },
      },
    });
    expect(service.powerVm).toHaveBeenCalledWith(page, {
      vm: 'web-01',
      action: 'restart',
    });
  });

  it("reads a namespace's resources and quota as its entity shows them", async () => {
    const { service, invoke } = setup();
    const resources = await invoke('list-namespace-resources', {
      namespace: 'demo',
    });
    expect(resources.output).toMatchObject({
      entityRef: 'resource:default/demo',
      vms: [{ name: 'web-01', powerState: 'PoweredOn', clusterNode: false }],
      clusters: [
        {
          name: 'demo-cluster',
          nodePools: [{ name: 'np-1', desiredReplicas: 3, readyReplicas: 2 }],
        },
      ],
      errors: [],
    });
    expect(service.resolveNamespacePage).toHaveBeenCalledWith(
      { namespace: 'demo' },
      user,
    );
    const quota = await invoke('get-namespace-quota', {
      vcenter: 'testenv',
      namespace: 'demo',
    });
    expect(quota.output).toEqual({
      namespace: 'demo',
      configStatus: 'RUNNING',
      // no memory limit: unlimited
      quota: {
        cpu: { used: 1000, limit: 4000, unit: 'MHz' },
        memory: { used: 2048, unit: 'MiB' },
        storage: { used: 512, limit: 1024, unit: 'MiB' },
      },
      storagePolicies: [{ name: 'gold', limitMiB: 1024 }],
      vmClasses: ['best-effort-small'],
      resourceQuotas: [],
      limitRanges: [],
      errors: [],
    });
    await expect(
      invoke('list-picker-options', { kind: 'namespaces', vcenter: 'testenv' }),
    ).resolves.toEqual({
      output: { items: [{ value: 'demo', label: 'demo' }] },
    });
    expect(service.listOptions).toHaveBeenCalledWith('namespaces', {
      vcenter: 'testenv',
    });
  });
});
