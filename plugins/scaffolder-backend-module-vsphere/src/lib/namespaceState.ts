import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  SupervisorClient,
  SupervisorNamespace,
  VCenterClient,
} from '@backstage-vsphere/plugin-vsphere-node';
import { namespaceFailure } from './namespaceSettings';
import { waitFor } from './waitFor';

/** The namespace as vCenter reports it, or undefined when there is none. */
export async function findNamespace(
  vc: VCenterClient,
  name: string,
  signal?: AbortSignal,
): Promise<SupervisorNamespace | undefined> {
  try {
    return await vc.getNamespace(name, { signal });
  } catch (error) {
    if (error instanceof NotFoundError) {
      return undefined;
    }
    throw error;
  }
}

async function findKubernetesNamespace(
  sv: SupervisorClient,
  name: string,
  signal?: AbortSignal,
) {
  try {
    return await sv.getNamespace(name, { signal });
  } catch (error) {
    if (error instanceof NotFoundError) {
      return undefined;
    }
    throw error;
  }
}

/**
 * Waits until vCenter reports the namespace RUNNING and, when a Supervisor is given, its
 * Kubernetes namespace is there too (what `kubectl` users need).
 */
export function waitForNamespaceRunning(options: {
  vcenter: VCenterClient;
  supervisor?: SupervisorClient;
  name: string;
  timeoutMs: number;
  intervalMs: number;
  logger: LoggerService;
  signal?: AbortSignal;
}): Promise<SupervisorNamespace> {
  const { vcenter, supervisor, name } = options;
  return waitFor({
    ...options,
    what: `Supervisor namespace '${name}' to be RUNNING`,
    observe: async signal => {
      const ns = await vcenter.getNamespace(name, { signal });
      const running = ns.configStatus === 'RUNNING';
      const k8s =
        running && supervisor
          ? await findKubernetesNamespace(supervisor, name, signal)
          : undefined;
      const k8sReady = !supervisor || (k8s && k8s.phase !== 'Terminating');
      const k8sState = supervisor
        ? `; Kubernetes namespace ${
            k8s ? k8s.phase ?? 'present' : 'not there yet'
          }`
        : '';
      return {
        state: `Namespace '${name}': config status ${ns.configStatus}${k8sState}`,
        done: running && Boolean(k8sReady),
        failed: namespaceFailure(ns),
        value: ns,
      };
    },
  });
}

/** Waits until vCenter no longer reports the namespace. */
export function waitForNamespaceGone(options: {
  vcenter: VCenterClient;
  name: string;
  timeoutMs: number;
  intervalMs: number;
  logger: LoggerService;
  signal?: AbortSignal;
}): Promise<void> {
  const { vcenter, name } = options;
  return waitFor({
    ...options,
    what: `Supervisor namespace '${name}' to be removed`,
    observe: async signal => {
      const ns = await findNamespace(vcenter, name, signal);
      return {
        state: ns
          ? `Namespace '${name}': config status ${ns.configStatus}`
          : `Namespace '${name}' is gone`,
        done: !ns,
        value: undefined,
      };
    },
  });
}
