/**
 * Kubernetes backend module: the `vsphereServiceAccount` auth provider, which reads each vSphere
 * workload cluster with its own read-only service account token.
 *
 * @packageDocumentation
 */

export { kubernetesModuleVsphereAuth as default } from './module';
export { VsphereServiceAccountStrategy } from './VsphereServiceAccountStrategy';
