import {
  AuditorService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import {
  VsphereChangeAuthorizer,
  VsphereClients,
} from '@backstage-vsphere/plugin-vsphere-node';
import type { VsphereTaskNotifier } from '../notifications';

/**
 * What every vSphere action factory takes: the shared clients and the Backstage services.
 * @public
 */
export interface VsphereActionOptions {
  /** The process-wide vCenter and Supervisor clients (`vsphereClientsServiceRef`). */
  clients: VsphereClients;
  /** Checks the initiator of the task before anything changes. */
  permissions: PermissionsService;
  /** Authorizes each change on the catalog entity of the object it changes. */
  authorizer: VsphereChangeAuthorizer;
  /** Records one audit event per change. */
  auditor: AuditorService;
  /** Tells the catalog about new objects (topic `vsphere.resource.created`). */
  events?: EventsService;
  /** Tells the initiator and the owning team how each run ended; none when unset. */
  notifier?: VsphereTaskNotifier;
  /** Namespaces may be promised this many times their cluster's hosts before actions warn; 2 unless set. */
  overcommitWarnRatio?: number;
  /** How often readiness is polled; 3 seconds unless set. */
  pollIntervalMs?: number;
}

/** Readiness is polled this often unless the options say otherwise. */
export const DEFAULT_POLL_INTERVAL_MS = 3_000;

/** The wait for readiness lasts this long unless the input sets `timeoutSeconds`. */
export const DEFAULT_TIMEOUT_SECONDS = 600;

/** Clusters take longer: control plane first, then every node. */
export const DEFAULT_CLUSTER_TIMEOUT_SECONDS = 1800;
