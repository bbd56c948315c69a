import { InputError } from '@backstage/errors';
import { VmSize } from '@backstage-vsphere/plugin-vsphere-common';
import {
  SupervisorClient,
  supportsVmSize,
} from '@backstage-vsphere/plugin-vsphere-node';
import { InputProblems } from './problems';
import { parseMebibytes } from './quantities';

/** vSphere's most vCPUs per VM (hardware version 20). */
const MAX_CPUS = 768;

/** The size inputs of `vsphere:vm:create`, set apart from the VM class. */
export interface VmSizeInput {
  cpus?: number;
  memory?: string;
}

/** MiB as the Kubernetes quantity VM Operator stores: whole GiB as `Gi`, else `Mi`. */
function memoryQuantity(mib: number): string {
  return mib % 1024 === 0 ? `${mib / 1024}Gi` : `${mib}Mi`;
}

/**
 * Checks the inputs that size a VM apart from its class, each problem recorded on its own, and
 * that the Supervisor can take them (VM Operator v1alpha6 `spec.resources.size`); undefined when
 * none is given or one is invalid.
 */
export async function checkVmSize(
  supervisor: SupervisorClient,
  input: VmSizeInput,
  problems: InputProblems,
): Promise<VmSize | undefined> {
  const { cpus, memory } = input;
  if (cpus === undefined && memory === undefined) {
    return undefined;
  }
  const size: VmSize = {};
  const cpusValid = problems.check(() => {
    if (
      cpus !== undefined &&
      !(Number.isInteger(cpus) && cpus >= 1 && cpus <= MAX_CPUS)
    ) {
      throw new InputError(
        `cpus: ${cpus} must be a whole number of vCPUs from 1 to ${MAX_CPUS}`,
      );
    }
    if (cpus !== undefined) size.cpus = cpus;
    return true;
  });
  const memoryValid = problems.check(() => {
    if (memory !== undefined) {
      size.memory = memoryQuantity(parseMebibytes('memory', memory));
    }
    return true;
  });
  const versionValid = await problems.checkAsync(async () => {
    const version = (await supervisor.apiVersions()).vmOperator;
    if (!version || !supportsVmSize(version)) {
      const fields = [
        cpus !== undefined && 'cpus',
        memory !== undefined && 'memory',
      ]
        .filter(Boolean)
        .join(', ');
      throw new InputError(
        `${fields}: a VM sized apart from its class needs VM Operator v1alpha6 or later (spec.resources.size); Supervisor '${
          supervisor.name
        }' serves ${
          version ?? 'no VM Operator version this plugin reads'
        }; leave ${fields} out to use the class's size`,
      );
    }
    return true;
  });
  return cpusValid && memoryValid && versionValid ? size : undefined;
}

/** Whether an existing VM's own size differs from the one asked for. */
export function sizeDiffers(actual?: VmSize, wanted?: VmSize): boolean {
  return actual?.cpus !== wanted?.cpus || actual?.memory !== wanted?.memory;
}
