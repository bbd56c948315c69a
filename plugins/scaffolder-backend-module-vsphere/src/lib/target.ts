import {
  SupervisorClient,
  SupervisorConfig,
  VCenterClient,
  VCenterConfig,
  VsphereClients,
} from '@backstage-vsphere/plugin-vsphere-node';

/** The vCenter an action works on. */
export interface VCenterTarget {
  config: VCenterConfig;
  vcenter: VCenterClient;
}

/** The vCenter and the Supervisor an action works on. */
export interface SupervisorTarget extends VCenterTarget {
  supervisorConfig: SupervisorConfig;
  supervisor: SupervisorClient;
}

/** The configured vCenter by name; the InputError names the configured ones. */
export function resolveVCenter(
  clients: VsphereClients,
  vcenter?: string,
): VCenterTarget {
  const config = clients.config(vcenter);
  return {
    config,
    vcenter: clients.vcenter(config.name),
  };
}

/** The configured vCenter and Supervisor by name; the InputError names the configured ones. */
export function resolveSupervisor(
  clients: VsphereClients,
  vcenter?: string,
  supervisor?: string,
): SupervisorTarget {
  const target = resolveVCenter(clients, vcenter);
  const client = clients.supervisor(target.config.name, supervisor);
  const supervisorConfig = target.config.supervisors.find(
    s => s.name === client.name,
  )!;
  return { ...target, supervisorConfig, supervisor: client };
}
