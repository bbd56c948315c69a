import { ServiceUnavailableError } from '@backstage/errors';
import { SoapSession } from './SoapSession';
import { MoRef, asArray, el, moRefOf, textEl, textOf } from './soapXml';
import { StoragePolicy, VCenterCallOptions } from './types';
import { compact, isObject } from './wire';

const PBM_SERVICE_INSTANCE: MoRef = {
  type: 'PbmServiceInstance',
  value: 'ServiceInstance',
};

function child(node: unknown, key: string): unknown {
  return isObject(node) ? node[key] : undefined;
}

export function storagePolicyFromPbm(profile: unknown): StoragePolicy {
  return compact<StoragePolicy>({
    id: textOf(child(child(profile, 'profileId'), 'uniqueId')) ?? '',
    name: textOf(child(profile, 'name')) ?? '',
    description: textOf(child(profile, 'description')) || undefined,
    k8sCompliantName: textOf(child(profile, 'k8sCompliantName')) || undefined,
  });
}

/**
 * VM storage policies through PBM (SOAP at `/pbm`), since the REST storage-policy route is
 * missing on some vCenters; PBM takes the vim25 session in its `vcSessionCookie` header.
 */
export class StoragePolicies {
  private profileManager?: Promise<MoRef>;

  constructor(
    private readonly soap: SoapSession,
    private readonly vcenterName: string,
  ) {}

  async list(options: VCenterCallOptions = {}): Promise<StoragePolicy[]> {
    const manager = await this.getProfileManager();
    const ids = asArray(
      await this.soap.call({
        endpoint: 'pbm',
        operation: 'PbmQueryProfile',
        target: manager,
        params: [
          el('resourceType', undefined, textEl('resourceType', 'STORAGE')),
          textEl('profileCategory', 'REQUIREMENT'),
        ],
        idempotent: true,
        action: 'list storage policies',
        signal: options.signal,
      }),
    )
      .map(id => textOf(child(id, 'uniqueId')))
      .filter((id): id is string => Boolean(id));
    if (!ids.length) {
      return [];
    }
    const profiles = await this.soap.call({
      endpoint: 'pbm',
      operation: 'PbmRetrieveContent',
      target: manager,
      params: ids.map(id =>
        el('profileIds', undefined, textEl('uniqueId', id)),
      ),
      idempotent: true,
      action: 'read storage policies',
      signal: options.signal,
    });
    return asArray(profiles)
      .map(storagePolicyFromPbm)
      .filter(policy => policy.id);
  }

  /** Fetched once and shared, so no single caller's signal may cancel it. */
  private getProfileManager(): Promise<MoRef> {
    if (!this.profileManager) {
      this.profileManager = this.fetchProfileManager().catch(error => {
        this.profileManager = undefined;
        throw error;
      });
    }
    return this.profileManager;
  }

  private async fetchProfileManager(): Promise<MoRef> {
    const content = await this.soap.call({
      endpoint: 'pbm',
      operation: 'PbmRetrieveServiceContent',
      target: PBM_SERVICE_INSTANCE,
      idempotent: true,
      action: 'read the storage policy service content',
    });
    const manager = moRefOf(child(content, 'profileManager'));
    if (!manager) {
      throw new ServiceUnavailableError(
        `vCenter '${this.vcenterName}' sent a storage policy service content without a profile manager`,
      );
    }
    return manager;
  }
}
