import {
  createSpecToWire,
  namespaceFromWire,
  updateSpecToWire,
} from './namespaces';
import { vmClassFromWire } from './vmClasses';

describe('namespace specs on the wire', () => {
  it('sends the full create spec in snake_case with vCenter units', () => {
    expect(
      createSpecToWire({
        cluster: 'domain-c8',
        namespace: 'team-a',
        description: 'Team A',
        accessList: [
          {
            subjectType: 'USER',
            subject: 'alice',
            domain: 'vsphere.local',
            role: 'OWNER',
          },
        ],
        storageSpecs: [{ policy: 'p-1', limitMiB: 1024 }, { policy: 'p-2' }],
        resourceSpec: {
          cpuLimitMHz: 2000,
          memoryLimitMiB: 4096,
          storageRequestLimitMiB: 8192,
          podCount: 10,
        },
        vmServiceSpec: { vmClasses: ['small'], contentLibraries: ['lib-1'] },
        networks: ['workload-1'],
      }),
    ).toEqual({
      cluster: 'domain-c8',
      namespace: 'team-a',
      description: 'Team A',
      access_list: [
        {
          subject_type: 'USER',
          subject: 'alice',
          domain: 'vsphere.local',
          role: 'OWNER',
        },
      ],
      storage_specs: [{ policy: 'p-1', limit: 1024 }, { policy: 'p-2' }],
      resource_spec: {
        cpu_limit: 2000,
        memory_limit: 4096,
        storage_request_limit: 8192,
        pod_count: 10,
      },
      vm_service_spec: { vm_classes: ['small'], content_libraries: ['lib-1'] },
      networks: ['workload-1'],
    });
  });

  it('sends only the fields an update sets', () => {
    expect(updateSpecToWire({ resourceSpec: { cpuLimitMHz: 1000 } })).toEqual({
      resource_spec: { cpu_limit: 1000 },
    });
  });

  it('reads namespace info from either API version', () => {
    expect(
      namespaceFromWire(
        {
          supervisor: 'sv-1',
          config_status: 'ERROR',
          description: '',
          messages: [
            {
              severity: 'ERROR',
              details: { default_message: 'Quota exceeded.' },
            },
          ],
          stats: { cpu_used: 10, memory_used: 20, storage_used: 30 },
          storage_specs: [{ policy: 'p-1', limit: 100 }],
          resource_spec: { memory_limit: 512 },
          access_list: [
            { subject_type: 'GROUP', subject: 'g', domain: 'd', role: 'VIEW' },
          ],
        },
        'team-a',
      ),
    ).toEqual({
      name: 'team-a',
      cluster: 'sv-1',
      configStatus: 'ERROR',
      messages: ['Quota exceeded.'],
      stats: { cpuUsedMHz: 10, memoryUsedMiB: 20, storageUsedMiB: 30 },
      storageSpecs: [{ policy: 'p-1', limitMiB: 100 }],
      resourceSpec: { memoryLimitMiB: 512 },
      accessList: [
        { subjectType: 'GROUP', subject: 'g', domain: 'd', role: 'VIEW' },
      ],
    });
  });
});

describe('VM classes on the wire', () => {
  it('reads memory whatever the casing of its key', () => {
    for (const raw of [
      { id: 'a', cpu_count: 2, memory_MB: 4096 },
      { id: 'a', cpu_count: 2, memory_mb: 4096 },
      { id: 'a', cpu_count: 2, memory_size_MiB: 4096 },
    ]) {
      expect(vmClassFromWire(raw)).toEqual({
        id: 'a',
        cpuCount: 2,
        memoryMiB: 4096,
      });
    }
  });
});
