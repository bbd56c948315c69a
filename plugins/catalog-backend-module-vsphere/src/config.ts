import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readWorkloadClusters } from '@backstage-vsphere/plugin-vsphere-node';
import { normalizeRef } from './entities/refs';

/**
 * The `vsphere.catalog` config section, validated and with defaults applied.
 * @public
 */
export interface VsphereCatalogConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** A full entity ref, e.g. `group:default/unknown`. */
  defaultOwner: string;
  /** Full entity refs keyed by lower-case `<subject>@<domain>`. */
  ownerMap: Record<string, string>;
  /** A full System entity ref. */
  system?: string;
  includeVcenterVms: boolean;
  vcenterVmFilters: { folders: string[]; clusters: string[] };
  kubernetes: {
    authProvider?: string;
    oidcTokenProvider?: string;
    /**
     * Each workload cluster's pinned CA (base64 of the PEM), keyed by its entity name, from
     * `vsphere.kubernetes.clusters`.
     */
    caData: Record<string, string>;
    skipTLSVerify: boolean;
    /** Clusters without a metrics API: the Kubernetes tab then asks for no pod metrics. */
    skipMetricsLookup: boolean;
    /** Host names, `*.` wildcards and address ranges (see config.d.ts). */
    allowedApiServers: string[];
  };
}

/** Every 5 minutes; a run that hangs is released after 3 so the next one can start. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
  initialDelay: { seconds: 10 },
};

const PREFIX = 'vsphere.catalog';

function readRef(
  value: string,
  key: string,
  defaultKind: 'group' | 'system',
): string {
  const ref = normalizeRef(value, defaultKind);
  if (!ref) {
    throw new InputError(
      `Invalid config at '${PREFIX}.${key}': '${value}' is not an entity ref`,
    );
  }
  return ref;
}

/**
 * Reads `vsphere.catalog`; throws naming the key on the first problem.
 * @public
 */
export function readCatalogConfig(rootConfig: Config): VsphereCatalogConfig {
  const config = rootConfig.getOptionalConfig(PREFIX);
  const ownerMap: Record<string, string> = {};
  (config?.getOptionalConfigArray('ownerMap') ?? []).forEach((entry, i) => {
    ownerMap[entry.getString('subject').toLowerCase()] = readRef(
      entry.getString('owner'),
      `ownerMap[${i}].owner`,
      'group',
    );
  });
  const system = config?.getOptionalString('system');
  if (config?.has('kubernetes.caData')) {
    // one CA for every allowlisted cluster would let any of them present another's certificate
    throw new InputError(
      `Invalid config at '${PREFIX}.kubernetes.caData': one CA for all clusters is not read; give each cluster its CA as 'caData' or 'caFile' under vsphere.kubernetes.clusters`,
    );
  }
  const caData = Object.fromEntries(
    [...readWorkloadClusters(rootConfig).values()].map(c => [
      c.entityName,
      c.caData,
    ]),
  );
  return {
    schedule: config?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    defaultOwner: readRef(
      config?.getOptionalString('defaultOwner') ?? 'unknown',
      'defaultOwner',
      'group',
    ),
    ownerMap,
    system: system ? readRef(system, 'system', 'system') : undefined,
    includeVcenterVms: config?.getOptionalBoolean('includeVcenterVms') ?? false,
    vcenterVmFilters: {
      folders: config?.getOptionalStringArray('vcenterVmFilters.folders') ?? [],
      clusters:
        config?.getOptionalStringArray('vcenterVmFilters.clusters') ?? [],
    },
    kubernetes: {
      authProvider: config?.getOptionalString('kubernetes.authProvider'),
      oidcTokenProvider: config?.getOptionalString(
        'kubernetes.oidcTokenProvider',
      ),
      caData,
      skipTLSVerify:
        config?.getOptionalBoolean('kubernetes.dangerouslySkipTLSVerify') ??
        false,
      skipMetricsLookup:
        config?.getOptionalBoolean('kubernetes.skipMetricsLookup') ?? false,
      allowedApiServers:
        config?.getOptionalStringArray('kubernetes.allowedApiServers') ?? [],
    },
  };
}
