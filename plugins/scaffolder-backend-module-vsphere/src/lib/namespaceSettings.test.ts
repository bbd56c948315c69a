import { SupervisorNamespace } from '@backstage-vsphere/plugin-vsphere-node';
import {
  checkNamespaceSettings,
  describeNamespaceSettings,
  namespaceFailure,
} from './namespaceSettings';
import { InputProblems } from './problems';

const current: SupervisorNamespace = {
  name: 'team-a',
  cluster: 'domain-c8',
  configStatus: 'RUNNING',
  messages: [],
  vmServiceSpec: { vmClasses: ['small', 'large'], contentLibraries: ['lib-1'] },
  resourceSpec: { cpuLimitMHz: 4000 },
};

describe('namespace settings', () => {
  it('converts limits to vSphere units and records every bad one', () => {
    const problems = new InputProblems();
    expect(
      checkNamespaceSettings(
        { cpuLimit: '4GHz', memoryLimit: '8Gi', storageLimit: '1Ti' },
        problems,
      ),
    ).toEqual({
      resourceSpec: {
        cpuLimitMHz: 4000,
        memoryLimitMiB: 8192,
        storageRequestLimitMiB: 1048576,
      },
      policyLimitsMiB: [],
    });
    expect(() => problems.throwIfAny()).not.toThrow();

    const bad = new InputProblems();
    checkNamespaceSettings(
      {
        cpuLimit: '4 cores',
        storagePolicies: [{ name: 'gold', limit: '1PB' }, { name: 'gold' }],
        vmClasses: ['a', 'a'],
        accessList: [
          { subjectType: 'USER', subject: '', domain: 'x', role: 'VIEW' },
        ],
      },
      bad,
    );
    expect(() => bad.throwIfAny()).toThrow(
      /^5 inputs are invalid: cpuLimit: '4 cores' is not a quantity.*; storagePolicies\[0\]\.limit: '1PB' is not a quantity.*; storagePolicies: 'gold' is listed more than once; vmClasses: 'a' is listed more than once; accessList\[0\]: subject and domain must not be empty/,
    );
  });

  it('describes the ask for the log and reports a broken namespace', () => {
    expect(
      describeNamespaceSettings({
        storagePolicies: [{ name: 'gold', limit: '1Ti' }, { name: 'silver' }],
        vmClasses: ['small'],
        memoryLimit: '8Gi',
      }),
    ).toBe(
      'storage policies gold (1Ti), silver; VM classes small; memory limit 8Gi',
    );
    expect(describeNamespaceSettings({})).toBe('default settings');
    expect(
      namespaceFailure({
        ...current,
        configStatus: 'ERROR',
        messages: ['no storage'],
      }),
    ).toBe('vCenter reports config status ERROR: no storage');
    expect(namespaceFailure(current)).toBeUndefined();
  });
});
