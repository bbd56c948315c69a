import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  vsphere?: {
    /** How the catalog module ingests vCenter and Supervisor inventory. */
    catalog?: {
      /** When to read every vCenter in full; defaults to every 5 minutes with a 3-minute timeout. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Owner of entities whose namespace names none (no OWNER access, no `backstage.io/owner`); defaults to `unknown`. */
      defaultOwner?: string;
      /**
       * Catalog owners of vCenter users and groups in namespace access lists. Unmapped OWNER
       * entries become `group:default/<subject>` or `user:default/<subject>`.
       */
      ownerMap?: Array<{
        /** `<subject>@<domain>` as in the access list, e.g. `devops@vsphere.local`; case-insensitive. */
        subject: string;
        /** The entity ref it stands for, e.g. `group:default/platform`. */
        owner: string;
      }>;
      /** A System entity ref every ingested entity is part of, unless its namespace names one. */
      system?: string;
      /** Also ingest vCenter VMs that are not VM Service VMs; defaults to false. */
      includeVcenterVms?: boolean;
      /** Narrows the vCenter VMs of `includeVcenterVms`; a VM must match every list that is set. */
      vcenterVmFilters?: {
        /** Managed object ids of VM folders (e.g. `group-v42`) whose direct children are ingested. */
        folders?: string[];
        /** Clusters, by name or managed object id, whose hosts' VMs are ingested. */
        clusters?: string[];
      };
      /**
       * Annotations for Backstage's Kubernetes plugin on `kubernetes-cluster` entities; each
       * cluster's CA comes from its entry in `vsphere.kubernetes.clusters`.
       */
      kubernetes?: {
        /** Written as `kubernetes.io/auth-provider`, e.g. `oidc`; the catalog cluster locator needs one. */
        authProvider?: string;
        /** Written as `kubernetes.io/oidc-token-provider`, e.g. `okta`. */
        oidcTokenProvider?: string;
        /** Written as `kubernetes.io/skip-metrics-lookup: 'true'`, for clusters without a metrics API. */
        skipMetricsLookup?: boolean;
        /** Written as `kubernetes.io/skip-tls-verify: 'true'`. Dangerous: only for throw-away labs. */
        dangerouslySkipTLSVerify?: boolean;
        /**
         * The workload-cluster API servers that may be written as `kubernetes.io/api-server`:
         * host names, `*.` wildcards or address ranges such as `10.244.0.0/16`. The address comes
         * from the Cluster object, which editors of the namespace can set, and the Kubernetes
         * plugin sends users' tokens to it, so a cluster outside the list gets no address (and a
         * log line saying why). Empty by default: no addresses are written.
         */
        allowedApiServers?: string[];
      };
    };
  };
}
