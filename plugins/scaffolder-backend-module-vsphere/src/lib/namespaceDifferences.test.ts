import { SupervisorNamespace } from '@backstage-vsphere/plugin-vsphere-node';
import { namespaceDifferences } from './namespaceDifferences';

const current: SupervisorNamespace = {
  name: 'team-a',
  cluster: 'domain-c8',
  configStatus: 'RUNNING',
  messages: [],
  vmServiceSpec: { vmClasses: ['small', 'large'], contentLibraries: ['lib-1'] },
  resourceSpec: { cpuLimitMHz: 4000 },
};

describe('namespaceDifferences', () => {
  it('compares only what vCenter reports when checking an existing namespace', () => {
    expect(
      namespaceDifferences(
        current,
        {
          vmClasses: ['large', 'small'],
          contentLibraries: ['lib-1'],
          description: 'not reported by this vCenter',
        },
        false,
      ),
    ).toEqual([]);
    expect(
      namespaceDifferences(
        current,
        {
          vmClasses: ['small'],
          resourceSpec: { cpuLimitMHz: 8000, memoryLimitMiB: 1024 },
        },
        false,
      ),
    ).toEqual(['vmClasses', 'cpuLimit']);
  });

  it('counts unreported settings as changes for an update', () => {
    expect(
      namespaceDifferences(
        current,
        {
          vmClasses: ['small', 'large'],
          resourceSpec: { memoryLimitMiB: 1024 },
          accessList: [],
        },
        true,
      ),
    ).toEqual(['memoryLimit', 'accessList']);
  });
});
