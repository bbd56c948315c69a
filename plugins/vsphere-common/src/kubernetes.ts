/**
 * The name of the Kubernetes auth provider that reads each workload cluster with its own read-only
 * service account token: the backend module registers it, the frontend module forwards requests
 * for it to the backend, and `kubernetes.io/auth-provider` on cluster entities names it.
 * @public
 */
export const VSPHERE_SERVICE_ACCOUNT_AUTH_PROVIDER = 'vsphereServiceAccount';
