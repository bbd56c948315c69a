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
 * Checks new VMs (a count per VM class) against the namespace's limits and the cluster's free
 * capacity (reads only), for VM, cluster and node pool create and scale; dry runs check the same.
 */
export async function checkVmsFit(options: {
  vcenter: VCenterClient;
  cluster: string;
  namespace: string;
  vms: { vmClass: string; count: number }[];
  what: string;
  logger: LoggerService;
  signal?: AbortSignal;
}) {
  const vms = options.vms.filter(vm => vm.count > 0);
  if (!vms.length) {
    return;
  }
  const { vcenter, signal } = options;
  const classNames = [...new Set(vms.map(vm => vm.vmClass))];
  const [capacity, ...classes] = await Promise.all([
    readSupervisorCapacity(vcenter, options.cluster, { signal }),
    ...classNames.map(name => vcenter.getVmClass(name, { signal })),
  ]);
  const classOf = new Map(classNames.map((name, i) => [name, classes[i]]));
  const perCore = mhzPerCore(capacity);
  // vSphere admits a VM by its reservation: that must fit; the rest of its size only warns
  const reserved = { cpuMHz: 0, memoryMiB: 0 };
  const sized = { cpuMHz: 0, memoryMiB: 0 };
  for (const vm of vms) {
    const c = classOf.get(vm.vmClass)!;
    const cpu = vm.count * (c.cpuCount ?? 0) * perCore;
    const memory = vm.count * (c.memoryMiB ?? 0);
    sized.cpuMHz += Math.round(cpu);
    sized.memoryMiB += memory;
    reserved.cpuMHz += Math.round((cpu * (c.cpuReservationPercent ?? 0)) / 100);
    reserved.memoryMiB += Math.round(
      (memory * (c.memoryReservationPercent ?? 0)) / 100,
    );
  }
  const target = { capacity, namespace: options.namespace };
  const result = checkVmFit({ ...target, ask: reserved });
  if (!result.refusals.length) {
    result.warnings = checkVmFit({ ...target, ask: sized }).refusals.map(
      r =>
        `${options.what} at full size (best-effort, not reserved) may be throttled: ${r}`,
    );
  }
  report(options.logger, result, options.what);
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
