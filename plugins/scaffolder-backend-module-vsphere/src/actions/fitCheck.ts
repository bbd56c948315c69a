import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  checkNamespaceLimitsFit,
  checkVmFit,
  FitResult,
  mhzPerCore,
  readSupervisorCapacity,
  VCenterClient,
} from '@backstage-vsphere/plugin-vsphere-node';

/** Namespaces may be promised this many times the hosts before provisioning warns. */
export const DEFAULT_OVERCOMMIT_WARN_RATIO = 2;

/** Logs the warnings; throws one InputError with every refusal, before anything changes. */
function report(logger: LoggerService, result: FitResult, what: string) {
  for (const warning of result.warnings) {
    logger.warn(`Fit check: ${warning}`);
  }
  if (result.refusals.length) {
    throw new InputError(
      `Fit check: ${what} cannot fit: ${result.refusals.join('; ')}`,
    );
  }
  logger.info(`Fit check: ${what} fits`);
}

/**
 * Checks `count` new VMs of a VM class against the namespace's limits and the cluster's free
 * capacity (reads only), for VM create and node pool create/scale; dry runs check the same.
 */
export async function checkVmsFit(options: {
  vcenter: VCenterClient;
  cluster: string;
  namespace: string;
  vmClass: string;
  count: number;
  what: string;
  logger: LoggerService;
  signal?: AbortSignal;
}) {
  if (options.count <= 0) {
    return;
  }
  const { vcenter, signal } = options;
  const [capacity, vmClass] = await Promise.all([
    readSupervisorCapacity(vcenter, options.cluster, { signal }),
    vcenter.getVmClass(options.vmClass, { signal }),
  ]);
  const ask = {
    cpuMHz: Math.round(
      options.count * (vmClass.cpuCount ?? 0) * mhzPerCore(capacity),
    ),
    memoryMiB: options.count * (vmClass.memoryMiB ?? 0),
  };
  report(
    options.logger,
    checkVmFit({
      ask,
      capacity,
      namespace: options.namespace,
    }),
    options.what,
  );
}

/** Checks a namespace's new CPU and memory limits against its Supervisor cluster. */
export async function checkLimitsFit(options: {
  vcenter: VCenterClient;
  cluster: string;
  namespace: string;
  limits?: { cpuLimitMHz?: number; memoryLimitMiB?: number };
  warnRatio?: number;
  logger: LoggerService;
  signal?: AbortSignal;
}) {
  const limits = options.limits ?? {};
  if (limits.cpuLimitMHz === undefined && limits.memoryLimitMiB === undefined) {
    return;
  }
  const capacity = await readSupervisorCapacity(
    options.vcenter,
    options.cluster,
    { signal: options.signal },
  );
  report(
    options.logger,
    checkNamespaceLimitsFit({
      namespace: options.namespace,
      limits,
      capacity,
      warnRatio: options.warnRatio ?? DEFAULT_OVERCOMMIT_WARN_RATIO,
    }),
    `the limits of namespace '${options.namespace}'`,
  );
}
