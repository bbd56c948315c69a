package main

import (
	"context"
	"fmt"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
)

// writeStatus reports the Cluster's phase, replica summaries and conditions (v1beta2 fields plus
// the deprecated v1beta1 conditions that v1beta1 clients read after conversion).
func (r *clusterReconciler) writeStatus(ctx context.Context, cl *unstructured.Unstructured, cp replicaCounts, cpDesired int, w replicaCounts, wDesired int) error {
	conds := list(cl.Object, "status", "conditions")
	legacy := list(cl.Object, "status", "deprecated", "v1beta1", "conditions")
	cpInitialized := cp.ready > 0
	cpAvailable := cp.ready >= cpDesired
	workersAvailable := w.ready >= wDesired
	available := cpAvailable && workersAvailable
	phase := "Provisioning"
	if cpInitialized {
		phase = "Provisioned"
	}
	gen, _ := num(cl, "metadata", "generation")
	summary := func(c replicaCounts, desired int) map[string]any {
		return map[string]any{
			"desiredReplicas": desired, "replicas": c.replicas, "readyReplicas": c.ready,
			"availableReplicas": c.ready, "upToDateReplicas": c.replicas,
		}
	}
	return mergePatch(ctx, r.dyn.Resource(clusterGVR).Namespace(cl.GetNamespace()), cl.GetName(), map[string]any{"status": map[string]any{
		"observedGeneration": gen,
		"phase":              phase,
		"initialization":     map[string]any{"infrastructureProvisioned": true, "controlPlaneInitialized": cpInitialized},
		"controlPlane":       summary(cp, cpDesired),
		"workers":            summary(w, wDesired),
		"conditions": []any{
			condition("Available", available, reasonFor(available, "Available", "NotAvailable"), "", conds),
			condition("InfrastructureReady", true, "Ready", "", conds),
			condition("ControlPlaneInitialized", cpInitialized, reasonFor(cpInitialized, "Initialized", "NotInitialized"), "", conds),
			condition("ControlPlaneAvailable", cpAvailable, reasonFor(cpAvailable, "Available", "NotAvailable"), fmt.Sprintf("%d of %d control plane machines ready", cp.ready, cpDesired), conds),
			condition("WorkersAvailable", workersAvailable, reasonFor(workersAvailable, "Available", "NotAvailable"), fmt.Sprintf("%d of %d worker machines ready", w.ready, wDesired), conds),
			condition("TopologyReconciled", true, "ReconcileSucceeded", "", conds),
		},
		"deprecated": map[string]any{"v1beta1": map[string]any{"conditions": []any{
			legacyCondition("Ready", available, legacy),
			legacyCondition("InfrastructureReady", true, legacy),
			legacyCondition("ControlPlaneInitialized", cpInitialized, legacy),
			legacyCondition("ControlPlaneReady", cpAvailable, legacy),
		}}},
	}}, "status")
}

// ensureAccess publishes the control plane endpoint and the <cluster>-kubeconfig Secret once the
// first control plane machine runs, as the control-plane provider does.
func (r *clusterReconciler) ensureAccess(ctx context.Context, cl *unstructured.Unstructured) error {
	if r.workload.is(cl) {
		return r.workload.publish(ctx, r.dyn, cl)
	}
	host := str(cl, "spec", "controlPlaneEndpoint", "host")
	if host == "" {
		for _, m := range r.list(r.machines, cl.GetNamespace(), map[string]string{clusterNameLabel: cl.GetName(), controlPlaneLabel: ""}) {
			for _, a := range list(m.Object, "status", "addresses") {
				if a["type"] == "InternalIP" {
					host, _ = a["address"].(string)
				}
			}
		}
		if host == "" {
			return nil
		}
		if err := mergePatch(ctx, r.dyn.Resource(clusterGVR).Namespace(cl.GetNamespace()), cl.GetName(), map[string]any{
			"spec": map[string]any{"controlPlaneEndpoint": map[string]any{"host": host, "port": 6443}},
		}); err != nil {
			return err
		}
	}
	secrets := r.dyn.Resource(secretGVR).Namespace(cl.GetNamespace())
	name := cl.GetName() + "-kubeconfig"
	if _, err := secrets.Get(ctx, name, metav1.GetOptions{}); !apierrors.IsNotFound(err) {
		return err
	}
	secret := &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": "v1", "kind": "Secret", "type": "cluster.x-k8s.io/secret",
		"metadata": map[string]any{
			"name": name, "namespace": cl.GetNamespace(),
			"labels":          map[string]any{clusterNameLabel: cl.GetName()},
			"ownerReferences": []any{ownerRef(cl)},
		},
		"stringData": map[string]any{"value": placeholderKubeconfig(cl.GetName(), host)},
	}}
	_, err := secrets.Create(ctx, secret, metav1.CreateOptions{FieldManager: fieldManager})
	if apierrors.IsAlreadyExists(err) {
		return nil
	}
	return err
}

// placeholderKubeconfig has the shape of a workload cluster's admin kubeconfig; nothing
// listens at its address.
func placeholderKubeconfig(cluster, host string) string {
	return fmt.Sprintf(`apiVersion: v1
kind: Config
clusters:
- name: %[1]s
  cluster:
    server: https://%[2]s:6443
    insecure-skip-tls-verify: true
contexts:
- name: %[1]s-admin@%[1]s
  context:
    cluster: %[1]s
    user: %[1]s-admin
current-context: %[1]s-admin@%[1]s
users:
- name: %[1]s-admin
  user:
    token: placeholder-token-of-the-testenv
`, cluster, host)
}

// teardown deletes the Cluster's MachineDeployments and Machines and lets it go once every node
// VM (and so every vSphere VM) is gone.
func (r *clusterReconciler) teardown(ctx context.Context, cl *unstructured.Unstructured) (time.Duration, error) {
	ns, name := cl.GetNamespace(), cl.GetName()
	propagation := metav1.DeletePropagationBackground
	opts := metav1.DeleteOptions{PropagationPolicy: &propagation}
	owned := map[string]string{clusterNameLabel: name}
	for _, md := range r.list(r.mds, ns, owned) {
		if err := r.dyn.Resource(mdGVR).Namespace(ns).Delete(ctx, md.GetName(), opts); err != nil && !apierrors.IsNotFound(err) {
			return 0, err
		}
	}
	machines := r.list(r.machines, ns, owned)
	for _, m := range machines {
		if err := r.deleteMachine(ctx, ns, m.GetName()); err != nil {
			return 0, err
		}
	}
	if len(machines) > 0 || len(r.list(r.vms, ns, map[string]string{capvClusterLabel: name})) > 0 {
		_ = mergePatch(ctx, r.dyn.Resource(clusterGVR).Namespace(ns), name, map[string]any{"status": map[string]any{"phase": "Deleting"}}, "status")
		return time.Second, nil
	}
	return 0, removeFinalizer(ctx, r.dyn.Resource(clusterGVR).Namespace(ns), cl, clusterFinalizer)
}
