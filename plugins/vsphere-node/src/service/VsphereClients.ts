import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { chooseVCenter, SupervisorConfig, VCenterConfig } from '../config';
import { SupervisorClient } from '../supervisor';
import { VCenterClient } from '../vcenter';

/** The single element, or undefined when there are none or several. */
function onlyOne<T>(items: T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

/**
 * The vCenter and Supervisor clients of this backend process, one per configured upstream,
 * shared by every plugin so that each vCenter sees one REST and one SOAP session.
 * @public
 */
export class VsphereClients {
  private readonly vcenterClients = new Map<string, VCenterClient>();
  private readonly supervisorClients = new Map<string, SupervisorClient>();

  constructor(
    readonly configs: VCenterConfig[],
    private readonly logger: LoggerService,
  ) {}

  /** The configured vCenter by name, or the only one when no name is given. */
  config(vcenterName?: string): VCenterConfig {
    return chooseVCenter(this.configs, vcenterName, {
      notConfigured: (name, configured) =>
        `vcenter: '${name}' is not configured; configured vCenters: ${configured}`,
      nameRequired: (_count, configured) =>
        `vcenter: name one of the configured vCenters: ${configured}`,
    });
  }

  vcenter(vcenterName?: string): VCenterClient {
    const config = this.config(vcenterName);
    let client = this.vcenterClients.get(config.name);
    if (!client) {
      client = VCenterClient.create(config, {
        logger: this.logger.child({ vcenter: config.name }),
      });
      this.vcenterClients.set(config.name, client);
    }
    return client;
  }

  /** The config of the Supervisor by name or cluster id, or of the vCenter's only one when none is given. */
  supervisorConfig(
    vcenterName?: string,
    supervisor?: string,
  ): { vcenter: VCenterConfig; supervisor: SupervisorConfig } {
    const config = this.config(vcenterName);
    const names =
      config.supervisors.map(s => `${s.name} (${s.cluster})`).join(', ') ||
      'none';
    const found = supervisor
      ? config.supervisors.find(
          s => s.name === supervisor || s.cluster === supervisor,
        )
      : onlyOne(config.supervisors);
    if (!found) {
      throw new InputError(
        supervisor
          ? `supervisor: '${supervisor}' is not configured for vCenter '${config.name}'; configured: ${names}`
          : `supervisor: name one of vCenter '${config.name}''s Supervisors: ${names}`,
      );
    }
    return { vcenter: config, supervisor: found };
  }

  /** The Supervisor by name or cluster id, or the vCenter's only one when none is given. */
  supervisor(vcenterName?: string, supervisor?: string): SupervisorClient {
    const { vcenter: config, supervisor: found } = this.supervisorConfig(
      vcenterName,
      supervisor,
    );
    const key = `${config.name}/${found.name}`;
    let client = this.supervisorClients.get(key);
    if (!client) {
      client = SupervisorClient.create(found, {
        logger: this.logger.child({ supervisor: key }),
        requestTimeoutMs: config.requestTimeoutMs,
      });
      this.supervisorClients.set(key, client);
    }
    return client;
  }

  /** Logs out of every vCenter; vCenter caps sessions, so none may be left behind. */
  async close(): Promise<void> {
    const clients = [...this.vcenterClients.values()];
    this.vcenterClients.clear();
    await Promise.allSettled(clients.map(c => c.close()));
    const supervisors = [...this.supervisorClients.values()];
    this.supervisorClients.clear();
    await Promise.allSettled(supervisors.map(s => s.close?.()));
  }
}
