import { InputError } from '@backstage/errors';
import { SupervisorClient } from '@backstage-vsphere/plugin-vsphere-node';
import { InputProblems } from './problems';
import { checkVmSize as checkWithProblems, VmSizeInput } from './vmSize';

/** Runs the check and throws what it recorded, as the action does. */
async function checkVmSize(supervisor: SupervisorClient, input: VmSizeInput) {
  const problems = new InputProblems();
  const size = await checkWithProblems(supervisor, input, problems);
  problems.throwIfAny();
  return size;
}

/** A Supervisor that serves the given VM Operator version; only discovery is used. */
function supervisorServing(vmOperator?: string): SupervisorClient {
  return {
    name: 'supervisor-east',
    apiVersions: async () => (vmOperator ? { vmOperator } : {}),
  } as unknown as SupervisorClient;
}

describe('checkVmSize', () => {
  const v6 = supervisorServing('v1alpha6');

  it('is undefined when no size is asked for, without asking the Supervisor', async () => {
    const apiVersions = jest.fn();
    await expect(
      checkVmSize({ apiVersions } as unknown as SupervisorClient, {}),
    ).resolves.toBeUndefined();
    expect(apiVersions).not.toHaveBeenCalled();
  });

  it('writes memory as the quantity VM Operator stores', async () => {
    await expect(
      checkVmSize(v6, { cpus: 4, memory: '12GiB' }),
    ).resolves.toEqual({
      cpus: 4,
      memory: '12Gi',
    });
    await expect(checkVmSize(v6, { memory: '1536Mi' })).resolves.toEqual({
      memory: '1536Mi',
    });
    await expect(checkVmSize(v6, { memory: '1.5Gi' })).resolves.toEqual({
      memory: '1536Mi',
    });
  });

  it('names the field and the rule for a bad vCPU count or memory', async () => {
    await expect(checkVmSize(v6, { cpus: 0 })).rejects.toThrow(
      'cpus: 0 must be a whole number of vCPUs from 1 to 768',
    );
    await expect(checkVmSize(v6, { cpus: 2.5 })).rejects.toThrow(InputError);
    await expect(checkVmSize(v6, { memory: '12GB' })).rejects.toThrow(
      "memory: '12GB' is not a quantity",
    );
    // both at once, so a template author fixes them in one go
    await expect(
      checkVmSize(v6, { cpus: 1000, memory: '12GB' }),
    ).rejects.toThrow(
      "2 inputs are invalid: cpus: 1000 must be a whole number of vCPUs from 1 to 768; memory: '12GB' is not a quantity",
    );
  });

  it('refuses a size on a Supervisor older than v1alpha6, naming the version and the fix', async () => {
    await expect(
      checkVmSize(supervisorServing('v1alpha5'), { cpus: 4, memory: '8Gi' }),
    ).rejects.toThrow(
      "cpus, memory: a VM sized apart from its class needs VM Operator v1alpha6 or later (spec.resources.size); Supervisor 'supervisor-east' serves v1alpha5; leave cpus, memory out to use the class's size",
    );
  });
});
