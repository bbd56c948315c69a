import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Connections of the vSphere plugins. */
  vsphere?: {
    /** How long the backend reuses picker option lists it read; defaults to 15 seconds. */
    cacheTtl?: HumanDuration | string;
    /** The watch-fed inventory the entity pages and the catalog read. */
    inventory?: {
      /** A Supervisor with no event and no answered probe for this long is shown stale; defaults to 10 seconds. */
      supervisorDeadline?: HumanDuration | string;
      /** Length of vCenter's WaitForUpdatesEx long-poll; silent 5 s past it, vCenter is shown stale; defaults to 5 seconds. */
      vcenterMaxWait?: HumanDuration | string;
      /** How often namespaces, storage policies and content libraries (REST, no watch) are read again while viewed; defaults to 60 seconds. */
      restInterval?: HumanDuration | string;
    };
    /**
     * How long one caller's repeated views of a page reuse its entity lookup, read decision and
     * buttons; changes are always authorized afresh. '0s' checks every view. Defaults to 2 seconds.
     */
    pageAccessTtl?: HumanDuration | string;
    /** How long a page waits for one vCenter or Supervisor before showing it as failed; defaults to 4 seconds. */
    sourceDeadline?: HumanDuration | string;
    /** Capacity, fit checks and monitoring links. */
    insights?: {
      /**
       * Provisioning warns (never fails) when the namespaces of a Supervisor were promised more
       * than this many times its hosts' CPU or memory; defaults to 2.
       */
      overcommitWarnRatio?: number;
      /** Links to monitoring tools shown on the cards, e.g. a Grafana dashboard per VM. */
      monitoringLinks?: Array<{
        /** The kind of object the link is for. */
        kind: 'vm' | 'host' | 'cluster' | 'namespace';
        /** Link text, e.g. "Grafana". */
        title: string;
        /**
         * URL template; `{name}`, `{moref}`, `{namespace}` and `{vcenter}` are replaced by the
         * object's values, URL-encoded.
         */
        url: string;
      }>;
    };
    /** The vCenters to read and provision through; names are what catalog annotations refer to. */
    vcenters?: Array<{
      /** Name used in the `vsphere.vmware.com/vcenter` annotation and in templates; a DNS label. */
      name: string;
      /** Base URL of the vCenter, e.g. https://vcenter.example.com. */
      url: string;
      /** User the plugins log in as. */
      username: string;
      /**
       * Password of that user.
       * @visibility secret
       */
      password: string;
      /** PEM certificate(s) of the CA that signed the vCenter's certificate. */
      caData?: string;
      /** Path of a PEM file with the CA certificate(s); used when caData is not set. */
      caFile?: string;
      /** Turns off TLS certificate verification. Dangerous: only for throw-away lab vCenters. */
      dangerouslySkipTLSVerify?: boolean;
      /** Base URL of the vSphere Client for links; defaults to `<url>/ui`. */
      clientBaseUrl?: string;
      /** Deadline of one request to this vCenter; defaults to 10 seconds. */
      requestTimeout?: HumanDuration | string;
      /** Objects per page of inventory reads (PropertyCollector); defaults to 1000. */
      inventoryPageSize?: number;
      /** The Supervisors of this vCenter, reached through their Kubernetes API. */
      supervisors?: Array<{
        /** Name of the Supervisor in links and pickers; defaults to the cluster. */
        name?: string;
        /** The vCenter cluster that runs the Supervisor: its managed object id (domain-c8) or name. */
        cluster: string;
        /** URL of the Supervisor's Kubernetes API, e.g. https://10.0.0.10:6443. */
        url: string;
        /** PEM certificate(s) of the CA of the Kubernetes API. */
        caData?: string;
        /** Path of a PEM file with the CA of the Kubernetes API. */
        caFile?: string;
        /** Turns off TLS certificate verification. Dangerous: only for throw-away labs. */
        dangerouslySkipTLSVerify?: boolean;
        /**
         * Bearer token of the service account the plugins use.
         * @visibility secret
         */
        token?: string;
        /** Path of a file holding the token, read again when it changes (projected tokens rotate). */
        tokenFile?: string;
      }>;
    }>;
    /** How Backstage's Kubernetes plugin reaches the workload clusters the catalog module ingests. */
    kubernetes?: {
      /**
       * One entry per workload cluster shown in the Kubernetes tab: its own CA (pinned as the
       * cluster's `kubernetes.io/api-server-certificate-authority`; a cluster without one is not
       * located) and, for the `vsphereServiceAccount` auth provider, its read-only token.
       */
      clusters?: Array<{
        /** The vCenter of the cluster's Supervisor; defaults to the first one configured. */
        vcenter?: string;
        /** The Supervisor namespace of the cluster. */
        namespace: string;
        /** The name of the Cluster (or TanzuKubernetesCluster). */
        cluster: string;
        /**
         * PEM certificate(s) of the CA that signed the cluster's API server certificate, or their
         * base64 (kubeconfig's `certificate-authority-data`). Only the certificate: the
         * `<cluster>-ca` Secret's key is refused.
         */
        caData?: string;
        /** Path of a PEM file with that CA; used when caData is not set. */
        caFile?: string;
        /**
         * Path of a file holding the token of a service account of this cluster that may only read
         * what the Kubernetes tab shows; read on every request, so rotation needs no restart.
         */
        serviceAccountTokenFile?: string;
      }>;
    };
  };
}
