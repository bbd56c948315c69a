/**
 * Kubernetes frontend module: Backstage's Kubernetes auth providers plus `vsphereServiceAccount`,
 * so that the Kubernetes tab reads vSphere workload clusters with their read-only service accounts.
 *
 * @packageDocumentation
 */

export { kubernetesModuleVsphereAuth as default } from './module';
export { VsphereKubernetesAuthProviders } from './VsphereKubernetesAuthProviders';
